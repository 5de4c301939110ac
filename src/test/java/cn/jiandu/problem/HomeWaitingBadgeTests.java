package cn.jiandu.problem;

import static cn.jiandu.problem.ProblemFixtures.act;
import static cn.jiandu.problem.ProblemFixtures.newUnit;
import static cn.jiandu.problem.ProblemFixtures.submitOk;
import static cn.jiandu.problem.ProblemFixtures.unique;
import static cn.jiandu.problem.ProblemFixtures.unitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The home tiles show what waits behind them: the office's 待分办 and proposals, a unit's 待受理. */
@IntegrationTest
class HomeWaitingBadgeTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JianduUserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void dispatchTileCountsUnmatchedReportsAndTransferProposals() throws Exception {
        submitOk(mvc, "staff1", unique("待分办徽标"), "OTHER", newUnit(mvc, "徽标部"));
        long expected = sql("SELECT COUNT(*) FROM problem WHERE status = 'PENDING_DISPATCH'")
                + sql("SELECT COUNT(*) FROM problem WHERE transfer_proposed_at IS NOT NULL");
        assertThat(badge("admin", "/problems/dispatch")).isEqualTo(expected);
    }

    @Test
    void queueTileCountsWhatWaitsForAcceptanceAtTheHandlersUnit() throws Exception {
        long market = unitId(mvc, "市场经营部");
        String id = submitOk(mvc, "staff1", unique("待受理徽标"), "OTHER", newUnit(mvc, "徽标部")).get("id").asString();
        act(mvc, "admin", id, "DISPATCH", "handlingUnitId", market).andExpect(status().isOk());
        long waiting = sql("SELECT COUNT(*) FROM problem WHERE status = 'DISPATCHED' AND handling_unit_id = " + market);
        assertThat(badge("handler1", "/problems/queue")).isEqualTo(waiting).isPositive();
        act(mvc, "handler1", id, "ACCEPT").andExpect(status().isOk());
        assertThat(badge("handler1", "/problems/queue")).isEqualTo(waiting - 1);
    }

    @Test
    void aReporterHasNeitherTheOfficesTileNorAnyEmptyBadge() throws Exception {
        String grid = home("grid1");
        assertThat(grid).doesNotContain("jd-tile position-relative\" href=\"/problems/dispatch\"");
        Matcher badges = Pattern.compile("data-testid=\"tile-waiting\"[^>]*>(\\d+)<").matcher(grid);
        while (badges.find()) {
            assertThat(Long.parseLong(badges.group(1))).isPositive();
        }
    }

    /** The number on the home tile linking to {@code href}, 0 when it has no badge. */
    private long badge(String user, String href) throws Exception {
        String html = home(user);
        assertThat(html).as("%s sees the tile %s", user, href)
                .contains("jd-tile position-relative\" href=\"" + href + "\"");
        Matcher m = Pattern.compile(Pattern.quote("jd-tile position-relative\" href=\"" + href + "\">")
                + "\\s*<span data-testid=\"tile-waiting\"[^>]*>(\\d+)</span>").matcher(html);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private String home(String user) throws Exception {
        return mvc.perform(get("/").with(Pages.as(users, user))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long sql(String query) {
        return jdbc.sql(query).query(Long.class).single();
    }
}
