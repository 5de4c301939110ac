package cn.jiandu.problem;

import static cn.jiandu.problem.ProblemFixtures.act;
import static cn.jiandu.problem.ProblemFixtures.newUnit;
import static cn.jiandu.problem.ProblemFixtures.problemJson;
import static cn.jiandu.problem.ProblemFixtures.rate;
import static cn.jiandu.problem.ProblemFixtures.submit;
import static cn.jiandu.problem.ProblemFixtures.submitOk;
import static cn.jiandu.problem.ProblemFixtures.unique;
import static cn.jiandu.problem.ProblemFixtures.unitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's counters ({@code problem_tally}) are maintained change by change; here they are compared with the
 * same figures recomputed from the reports themselves, after every kind of change, and periods that cut months are
 * checked against periods that don't.
 */
@IntegrationTest
class ProblemTallyTests {

    /** The counters recomputed from every report, by SQL independent of the application's code. */
    private static final String RECOMPUTED = """
            SELECT month_key, %s, dim_key, COUNT(*) AS reported, SUM(resolved) AS resolved, SUM(closed) AS closed,
                   SUM(transferred) AS transferred, SUM(rated) AS rated, SUM(satisfied) AS satisfied,
                   SUM(open_due) AS open_due
            FROM (SELECT CAST(EXTRACT(YEAR FROM (p.created_at AT TIME ZONE 'Asia/Shanghai')) * 100
                              + EXTRACT(MONTH FROM (p.created_at AT TIME ZONE 'Asia/Shanghai')) AS INT) AS month_key,
                         p.org_unit_id, %s AS dim_key,
                         CASE WHEN p.status = 'REPLIED' OR (p.status = 'CLOSED' AND p.close_reason <> 'WITHDRAWN')
                              THEN 1 ELSE 0 END AS resolved,
                         CASE WHEN p.status = 'CLOSED' THEN 1 ELSE 0 END AS closed,
                         CASE WHEN p.status = 'TRANSFERRED' THEN 1 ELSE 0 END AS transferred,
                         CASE WHEN p.rating IS NULL THEN 0 ELSE 1 END AS rated,
                         CASE WHEN p.rating IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN 1 ELSE 0 END AS satisfied,
                         CASE WHEN p.due_at IS NOT NULL AND p.status IN ('DISPATCHED', 'IN_PROGRESS') THEN 1 ELSE 0 END
                             AS open_due
                  FROM problem p WHERE (p.close_reason IS NULL OR p.close_reason <> 'WITHDRAWN') AND %s IS NOT NULL) r
            GROUP BY month_key, %sdim_key""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void countersEqualTheReportsAfterEveryKindOfChange() throws Exception {
        long market = unitId(mvc, "市场经营部");
        long service = unitId(mvc, "综合部");
        long unit = newUnit(mvc, "计数部");
        String[] ids = new String[7];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = submitOk(mvc, "staff1", unique("计数" + i), i % 2 == 0 ? "OTHER" : "SERVICE", unit).get("id")
                    .asString();
        }
        for (String id : List.of(ids[0], ids[1], ids[2], ids[3])) {
            act(mvc, "admin", id, "DISPATCH", "handlingUnitId", market).andExpect(status().isOk());
        }
        act(mvc, "admin", ids[3], "REDISPATCH", "handlingUnitId", service).andExpect(status().isOk());
        for (String id : List.of(ids[0], ids[1], ids[2])) {
            act(mvc, "handler1", id, "ACCEPT").andExpect(status().isOk());
            act(mvc, "handler1", id, "REPLY", "comment", "已整改").andExpect(status().isOk());
        }
        rate(mvc, "staff1", ids[0], "BASICALLY_SATISFIED").andExpect(status().isOk());
        rate(mvc, "staff1", ids[1], "DISSATISFIED").andExpect(status().isOk()); // reopened
        act(mvc, "admin", ids[4], "TRANSFER_CLUE", "comment", "线索").andExpect(status().isOk());
        act(mvc, "staff1", ids[5], "WITHDRAW").andExpect(status().isOk());
        // a refused submission (the photo is not an image) must leave the counters alone
        submit(mvc, "staff1", problemJson(unique("坏照片"), "OTHER", null),
                new MockMultipartFile("photos", "x.jpg", "image/jpeg", "not a photo".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest());

        for (boolean perUnit : new boolean[] {true, false}) {
            assertThat(tally("C", perUnit)).isEqualTo(recomputed("p.category_code", perUnit));
            assertThat(tally("H", perUnit)).isEqualTo(recomputed("CAST(p.handling_unit_id AS VARCHAR(40))", perUnit));
        }
        assertThat(tally("C", true)).as("the reports above are counted").isNotEmpty();
    }

    @Test
    void periodsThatCutMonthsAddUpToTheWholeYear() throws Exception {
        JsonNode year = stats("from=2025-01-01&to=2025-12-31");
        JsonNode first = stats("from=2025-01-01&to=2025-06-14");
        JsonNode second = stats("from=2025-06-15&to=2025-12-31");
        for (String figure : List.of("reported", "resolved", "closed", "transferred")) {
            assertThat(first.get(figure).asLong() + second.get(figure).asLong()).as(figure)
                    .isEqualTo(year.get(figure).asLong());
        }
        assertThat(year.get("reported").asLong()).isEqualTo(67);

        // inside one month, and across a year end with cut months at both ends
        assertThat(stats("from=2025-03-10&to=2025-03-20").get("reported").asLong())
                .isEqualTo(reportsBetween("2025-03-10", "2025-03-21"));
        assertThat(stats("from=2024-12-15&to=2026-01-10").get("reported").asLong())
                .isEqualTo(reportsBetween("2024-12-15", "2026-01-11"));
        long byMonth = 0;
        for (JsonNode m : year.get("byMonth")) {
            byMonth += m.get("reported").asLong();
        }
        assertThat(byMonth).isEqualTo(67);
    }

    @Test
    void overdueIsCountedLiveAgainstTheClock() throws Exception {
        long expected = jdbc.sql("""
                        SELECT COUNT(*) FROM problem
                        WHERE status IN ('DISPATCHED', 'IN_PROGRESS') AND due_at < CURRENT_TIMESTAMP""")
                .query(Long.class).single();
        assertThat(expected).as("the demo history has overdue reports").isPositive();
        assertThat(stats("").get("overdue").asLong()).isEqualTo(expected);
        assertThat(stats("from=2000-01-01&to=2000-01-31").get("overdue").asLong()).isZero();
    }

    /** The tally's rows of one dimension, per unit or (org_unit_id 0) for all units together. */
    private Map<String, List<Long>> tally(String dimension, boolean perUnit) {
        Map<String, List<Long>> rows = new TreeMap<>();
        jdbc.sql("""
                        SELECT month_key, org_unit_id, dim_key, reported, resolved, closed, transferred, rated, satisfied,
                            open_due
                        FROM problem_tally WHERE dimension = :d AND reported <> 0 AND """
                        + (perUnit ? " org_unit_id <> 0" : " org_unit_id = 0")).param("d", dimension)
                .query(rs -> {
                    rows.put(key(rs), counters(rs));
                });
        return rows;
    }

    private Map<String, List<Long>> recomputed(String dimension, boolean perUnit) {
        String unit = perUnit ? "org_unit_id" : "0";
        Map<String, List<Long>> rows = new TreeMap<>();
        jdbc.sql(RECOMPUTED.formatted(unit, dimension, dimension, perUnit ? "org_unit_id, " : "")).query(rs -> {
            rows.put(key(rs), counters(rs));
        });
        return rows;
    }

    private static String key(java.sql.ResultSet rs) throws java.sql.SQLException {
        return rs.getInt(1) + "/" + rs.getLong(2) + "/" + rs.getString(3);
    }

    private static List<Long> counters(java.sql.ResultSet rs) throws java.sql.SQLException {
        return List.of(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                rs.getLong(10));
    }

    private long reportsBetween(String fromDay, String toDayExclusive) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM problem
                        WHERE created_at >= CAST(:from AS TIMESTAMP WITH TIME ZONE)
                          AND created_at < CAST(:to AS TIMESTAMP WITH TIME ZONE)
                          AND (close_reason IS NULL OR close_reason <> 'WITHDRAWN')""")
                .param("from", fromDay + " 00:00:00+08").param("to", toDayExclusive + " 00:00:00+08")
                .query(Long.class).single();
    }

    private JsonNode stats(String query) throws Exception {
        return Api.json(mvc.perform(Api.as(mvc, "admin", get("/api/v1/problems/stats?" + query)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
