package cn.jiandu.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.shared.security.Role;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.LedgerSupervisors;
import cn.jiandu.support.Pages;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The office records a finding in the page; the supervisor sees it on his home tile and acknowledges it. */
@IntegrationTest
class LedgerFindingsPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JianduUserDetailsService details;
    @Autowired
    ApplicationContext ctx;
    @Autowired
    JdbcClient jdbc;

    String page(String user, String url) throws Exception {
        return mvc.perform(get(url).header("Accept-Language", "zh-CN").with(Pages.as(details, user))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void officeRecordsSupervisorAcknowledgesOnHisPhone() throws Exception {
        long a = LedgerSupervisors.in(ctx).appoint(Role.GRID_SUPERVISOR, Api.orgUnitId(mvc, "廉州网格"),
                LocalDate.of(2026, 1, 1), "grid3").get(0);

        assertThat(page("admin", "/ledger/findings?appointment=" + a)).contains("data-testid=\"finding-form\"");
        String unique = "台账未及时更新" + a;
        mvc.perform(post("/ledger/findings").param("appointment", String.valueOf(a)).param("period", "2026-Q3")
                .param("finding", unique).param("suggestion", "本月内补齐")
                .with(Pages.as(details, "admin")).with(csrf()));
        assertThat(page("grid1", "/ledger/findings")).doesNotContain(unique);
        String mine = page("grid3", "/ledger/findings");
        assertThat(mine).contains(unique).contains("本月内补齐").contains("确认收到").contains("width=device-width");
        assertThat(page("grid3", "/")).contains("/ledger/findings");
        long id = jdbc.sql("SELECT id FROM ledger_finding WHERE appointment_id = :a").param("a", a)
                .query(Long.class).single();
        mvc.perform(post("/ledger/findings/" + id + "/acknowledge").param("appointment", String.valueOf(a))
                .with(Pages.as(details, "grid1")).with(csrf()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_finding WHERE id = :i AND acknowledged_at IS NULL")
                .param("i", id).query(Long.class).single()).isEqualTo(1L);
        mvc.perform(post("/ledger/findings/" + id + "/acknowledge").param("appointment", String.valueOf(a))
                .with(Pages.as(details, "grid3")).with(csrf()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_finding WHERE id = :i AND acknowledged_at IS NOT NULL")
                .param("i", id).query(Long.class).single()).isEqualTo(1L);
        assertThat(page("grid3", "/ledger/findings")).contains("已确认").doesNotContain("确认收到");

        // the ledger table links his row to his findings page
        assertThat(page("grid3", "/ledger?period=2026-Q1")).contains("href=\"/ledger/findings?appointment=" + a + "\"");
    }
}
