package cn.jiandu.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The demo training history: four quarterly classes with present, late, leave and absent, branch sessions. */
@IntegrationTest
class TrainingDemoDataTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void fourQuarterlyClassesOfThePastYearWithEveryKindOfAttendance() throws Exception {
        var classes = jdbc.sql("SELECT id FROM training_session WHERE kind = 'QUARTERLY_CLASS' AND title LIKE '%季度监督员专题业务培训班' ORDER BY starts_at")
                .query(Long.class).list();
        assertThat(classes).hasSizeGreaterThanOrEqualTo(4);
        Map<String, Long> counts = new java.util.HashMap<>();
        for (long id : classes.subList(0, 4)) {
            JsonNode lines = Api.json(mvc.perform(Api.as(mvc, "admin", get("/api/v1/training-sessions/" + id
                    + "/attendance"))).andReturn().getResponse().getContentAsString());
            assertThat(lines.size()).as("all three supervisor types invited").isGreaterThanOrEqualTo(20);
            lines.forEach(l -> counts.merge(l.get("status").asString(), 1L, Long::sum));
        }
        assertThat(counts.keySet()).contains("PRESENT", "LATE", "LEAVE", "ABSENT");
        assertThat(counts.get("PRESENT")).isGreaterThan(counts.get("LEAVE") + counts.get("ABSENT"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM training_session WHERE kind = 'BRANCH_TRAINING'").query(Long.class)
                .single()).isGreaterThanOrEqualTo(3);
        // a branch secretary sees his branch's sessions
        JsonNode hepu = Api.json(mvc.perform(Api.as(mvc, "bs_hepu", get("/api/v1/training-sessions?size=100")))
                .andReturn().getResponse().getContentAsString());
        assertThat(hepu.get("items").findValuesAsString("title")).contains("合浦分公司党支部“三会一课”监督业务学习");
    }
}
