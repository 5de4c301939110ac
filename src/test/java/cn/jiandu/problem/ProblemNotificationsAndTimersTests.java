package cn.jiandu.problem;

import static cn.jiandu.problem.ProblemFixtures.act;
import static cn.jiandu.problem.ProblemFixtures.submitOk;
import static cn.jiandu.problem.ProblemFixtures.unique;
import static cn.jiandu.problem.ProblemFixtures.unitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.problem.domain.ProblemScheduler;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Inbox notifications on dispatch/accept (never naming the reporter) and the daily timers. */
@IntegrationTest
class ProblemNotificationsAndTimersTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProblemScheduler scheduler;

    @Test
    void unitIsNotifiedOnDispatchWithoutTheReporterAndTheReporterOnAccept() throws Exception {
        String title = unique("通知测试");
        String id = submitOk(mvc, "grid1", title, "SERVICE", unitId(mvc, "渠道管理班组")).get("id").asString();
        String handlerInbox = awaitInbox("handler1", title);
        assertThat(handlerInbox).doesNotContain("吴海涛").doesNotContain("grid1");
        act(mvc, "handler1", id, "ACCEPT").andExpect(status().isOk());
        assertThat(awaitInbox("grid1", title)).contains("已受理");
    }

    @Test
    void replyWithoutRatingClosesAsUnratedAfterTheRatingPeriod() throws Exception {
        String id = submitOk(mvc, "grid1", unique("逾期未评价"), "SERVICE", unitId(mvc, "渠道管理班组")).get("id")
                .asString();
        act(mvc, "handler1", id, "ACCEPT").andExpect(status().isOk());
        act(mvc, "handler1", id, "REPLY", "comment", "已整改").andExpect(status().isOk());
        scheduler.daily();
        mvc.perform(Api.as(mvc, "grid1", get("/api/v1/problems/" + id))).andExpect(jsonPath("$.status").value("REPLIED"));
        jdbc.sql("UPDATE problem SET replied_at = :at WHERE id = :id")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(8)))).param("id", Long.parseLong(id))
                .update();
        scheduler.daily();
        mvc.perform(Api.as(mvc, "grid1", get("/api/v1/problems/" + id)))
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closeReason").value("UNRATED"))
                .andExpect(jsonPath("$.rating").doesNotExist())
                .andExpect(jsonPath("$.timeline[-1:].action").value(org.hamcrest.Matchers.hasItem("AUTO_CLOSE")));
    }

    @Test
    void overdueUnitsAreRemindedAndWarningsComeFromTimers() throws Exception {
        String id = submitOk(mvc, "grid1", unique("超期提醒"), "SERVICE", unitId(mvc, "渠道管理班组")).get("id")
                .asString();
        jdbc.sql("UPDATE problem SET due_at = :at WHERE id = :id")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofHours(1)))).param("id", Long.parseLong(id))
                .update();
        mvc.perform(Api.as(mvc, "handler1", get("/api/v1/problems/" + id))).andExpect(jsonPath("$.warning").value("RED"));
        mvc.perform(Api.as(mvc, "handler1", get("/api/v1/problems?assigned=true&warning=RED&size=100")))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.hasItem(id)));
        jdbc.sql("UPDATE problem SET dispatched_at = :at, due_at = :due WHERE id = :id")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(10))))
                .param("due", Timestamp.from(Instant.now().plus(Duration.ofDays(10)))).param("id", Long.parseLong(id))
                .update();
        mvc.perform(Api.as(mvc, "handler1", get("/api/v1/problems/" + id))).andExpect(jsonPath("$.warning").value("BLUE"));
        assertThat(scheduler.remindOverdue()).isGreaterThan(0);
    }

    private String awaitInbox(String user, String expected) throws Exception {
        String body = "";
        for (int i = 0; i < 50; i++) {
            body = mvc.perform(Api.as(mvc, user, get("/api/v1/notifications?size=100"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            // only this test's notifications: other tests' reports may name anyone in their titles
            List<String> mine = com.jayway.jsonpath.JsonPath.<List<String>>read(body, "$.items[*].message").stream()
                    .filter(m -> m.contains(expected)).toList();
            if (!mine.isEmpty()) {
                return String.join("\n", mine);
            }
            Thread.sleep(100);
        }
        throw new AssertionError(user + " got no notification about " + expected + ": " + body);
    }
}
