package cn.jiandu.problem;

import static cn.jiandu.problem.ProblemFixtures.act;
import static cn.jiandu.problem.ProblemFixtures.newUnit;
import static cn.jiandu.problem.ProblemFixtures.rate;
import static cn.jiandu.problem.ProblemFixtures.submitOk;
import static cn.jiandu.problem.ProblemFixtures.unique;
import static cn.jiandu.problem.ProblemFixtures.unitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The dashboard's definitions, on a fresh org unit so that other tests' data cannot move the figures. */
@IntegrationTest
class ProblemStatsTests {

    @Autowired
    MockMvc mvc;

    @Test
    void definitionsOfReportedResolvedAndTheRates() throws Exception {
        long unit = newUnit(mvc, "统计部");
        long market = unitId(mvc, "市场经营部");
        String[] ids = new String[6];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = submitOk(mvc, "staff1", unique("统计" + i), "OTHER", unit).get("id").asString();
        }
        for (int i = 0; i < 3; i++) {
            act(mvc, "admin", ids[i], "DISPATCH", "handlingUnitId", market).andExpect(status().isOk());
            act(mvc, "handler1", ids[i], "ACCEPT").andExpect(status().isOk());
            act(mvc, "handler1", ids[i], "REPLY", "comment", "已整改").andExpect(status().isOk());
        }
        rate(mvc, "staff1", ids[0], "SATISFIED").andExpect(status().isOk());
        rate(mvc, "staff1", ids[1], "DISSATISFIED").andExpect(status().isOk());
        act(mvc, "admin", ids[3], "TRANSFER_CLUE", "comment", "线索").andExpect(status().isOk());
        act(mvc, "staff1", ids[4], "WITHDRAW").andExpect(status().isOk());

        JsonNode s = stats("orgUnitId=" + unit, "admin");
        assertThat(s.get("reported").asLong()).isEqualTo(5);
        assertThat(s.get("resolved").asLong()).isEqualTo(2);
        assertThat(s.get("closed").asLong()).isEqualTo(1);
        assertThat(s.get("transferred").asLong()).isEqualTo(1);
        assertThat(s.get("resolutionRate").asDouble()).isEqualTo(0.5);
        assertThat(s.get("satisfactionRate").asDouble()).isEqualTo(0.5);
        assertThat(s.get("byCategory").get(0).get("key").asString()).isEqualTo("OTHER");
        assertThat(s.get("byCategory").get(0).get("reported").asLong()).isEqualTo(5);
        assertThat(s.get("byMonth").size()).isEqualTo(1);
        assertThat(s.get("byOrgUnit").get(0).get("name").asString()).isEqualTo("市场经营部");
    }

    @Test
    void ratesAreNullWithoutADenominator() throws Exception {
        JsonNode s = stats("orgUnitId=" + newUnit(mvc, "统计部"), "secretary");
        assertThat(s.get("reported").asLong()).isZero();
        assertThat(s.get("resolutionRate").isNull()).isTrue();
        assertThat(s.get("satisfactionRate").isNull()).isTrue();
    }

    @Test
    void demoHistoryReproducesTheSourceHeadlineFor2025() throws Exception {
        JsonNode s = stats("from=2025-01-01&to=2025-12-31", "admin");
        assertThat(s.get("reported").asLong()).isEqualTo(67);
        assertThat(s.get("resolved").asLong()).isEqualTo(67);
        assertThat(s.get("resolutionRate").asDouble()).isEqualTo(1.0);
        assertThat(s.get("satisfactionRate").asDouble()).isEqualTo(1.0);
    }

    @Test
    void branchSecretarySeesOnlyHisSubtree() throws Exception {
        long hepu = unitId(mvc, "合浦分公司");
        mvc.perform(Api.as(mvc, "bs_market", get("/api/v1/problems/stats?orgUnitId=" + hepu)))
                .andExpect(status().isForbidden());
        mvc.perform(Api.as(mvc, "bs_market", get("/api/v1/problems/stats"))).andExpect(status().isOk());
        mvc.perform(Api.as(mvc, "grid1", get("/api/v1/problems/stats"))).andExpect(status().isForbidden());
    }

    private JsonNode stats(String query, String user) throws Exception {
        return Api.json(mvc.perform(Api.as(mvc, user, get("/api/v1/problems/stats?" + query)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
