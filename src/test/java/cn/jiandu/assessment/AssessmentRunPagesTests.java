package cn.jiandu.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.assessment.domain.StandardSchemes;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.selection.AppointmentOrigin;
import cn.jiandu.selection.AppointmentStarted;
import cn.jiandu.shared.security.Role;
import cn.jiandu.support.Api;
import cn.jiandu.support.Events;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/** The run pages: the office starts and scores, the leader publishes, the supervisor reads his breakdown and objects. */
@IntegrationTest
class AssessmentRunPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JianduUserDetailsService details;
    @Autowired
    UserDirectory users;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.modulith.events.IncompleteEventPublications incomplete;

    String page(String user, String url) throws Exception {
        MvcResult r = mvc.perform(get(url).header("Accept-Language", "zh-CN").with(Pages.as(details, user)))
                .andReturn();
        assertThat(r.getResponse().getStatus()).as(url).isEqualTo(200);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    String postForm(String user, String url, String... params) throws Exception {
        var b = post(url).header("Accept-Language", "zh-CN").with(Pages.as(details, user)).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            b.param(params[i], params[i + 1]);
        }
        MvcResult r = mvc.perform(b).andReturn();
        assertThat(r.getResponse().getStatus()).as(url).isEqualTo(302);
        return r.getResponse().getRedirectedUrl();
    }

    @Test
    void fromStartToObjectionInTheBrowserPages() throws Exception {
        int year = FreeYear.pick(jdbc, 2100, 45);
        String schemeId = Api.json(mvc.perform(Api.as(mvc, "admin", post("/api/v1/assessment-schemes")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(StandardSchemes.of(Role.GRID_SUPERVISOR, year)))))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        long a = 600_000_000L + ThreadLocalRandom.current().nextInt(90_000_000);
        long grid1 = users.findByUsername("grid1").orElseThrow().id();
        LocalDate start = LocalDate.of(year, 1, 1);
        tx.executeWithoutResult(s -> events.publishEvent(new AppointmentStarted(a, grid1, Role.GRID_SUPERVISOR,
                users.findByUsername("grid1").orElseThrow().orgUnitId(), start, start.plusYears(3),
                AppointmentOrigin.IMPORTED)));
        Events.settle(jdbc, incomplete, "LedgerListeners");

        assertThat(page("admin", "/assessment/runs")).contains("data-testid=\"run-start\"");
        assertThat(page("grid1", "/assessment/runs")).doesNotContain("data-testid=\"run-start\"");
        String runUrl = postForm("admin", "/assessment/runs", "schemeId", schemeId, "period", year + "-Q2");
        assertThat(runUrl).matches("/assessment/runs/\\d+");
        String html = page("admin", runUrl);
        assertThat(html).contains("data-testid=\"result-" + a + "\"").contains("吴海涛").contains("不合格")
                .contains("name=\"reason\"");
        String back = postForm("admin", runUrl + "/scores", "appointmentId", String.valueOf(a),
                "indicatorCode", "QUALITY_RUBRIC", "score", "11", "reason", "太高");
        assertThat(back).startsWith(runUrl);
        postForm("admin", runUrl + "/scores", "appointmentId", String.valueOf(a), "indicatorCode", "QUALITY_RUBRIC",
                "score", "9", "reason", "证据充分");
        assertThat(page("admin", runUrl)).contains(">9.00<");
        postForm("admin", runUrl + "/actions", "action", "SUBMIT");
        assertThat(page("secretary", runUrl)).contains("data-testid=\"run-publish\"");
        postForm("secretary", runUrl + "/actions", "action", "PUBLISH", "comment", "同意");
        assertThat(page("admin", runUrl)).contains("已发布");

        String mine = page("grid1", runUrl + "/mine");
        assertThat(mine).contains("问题质量评价").contains("9.00 / 10").contains("data-testid=\"objection-submit\"");
        postForm("grid1", runUrl + "/mine/" + a + "/objection", "text", "发现问题数量统计有误");
        assertThat(page("grid1", runUrl + "/mine")).contains("data-testid=\"objection-sent\"")
                .contains("发现问题数量统计有误");
        assertThat(mvc.perform(get(runUrl + "/mine").with(Pages.as(details, "grid2"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }

    @Test
    void theLedgerPageShowsTheViewersScope() throws Exception {
        assertThat(page("admin", "/ledger")).contains("履职成效记录台账");
        assertThat(page("grid1", "/ledger?period=2026")).contains("履职成效记录台账");
        assertThat(page("grid1", "/ledger?period=nonsense")).contains("期间格式应为");
        assertThat(mvc.perform(get("/ledger").with(Pages.as(details, "staff1"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }
}
