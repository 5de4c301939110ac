package cn.jiandu.problem;

import static cn.jiandu.problem.ProblemFixtures.newUnit;
import static cn.jiandu.problem.ProblemFixtures.submitOk;
import static cn.jiandu.problem.ProblemFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The org-subtree filter of the list, the export and the badges: the subtree's reports, and 400 for no such unit. */
@IntegrationTest
class ProblemListFilterTests {

    @Autowired
    MockMvc mvc;

    @Test
    void subtreeFilterListsTheUnitsReportsAndAnUnknownUnitIsA400NamingTheField() throws Exception {
        long unit = newUnit(mvc, "筛选部");
        long empty = newUnit(mvc, "空部");
        String title = unique("筛选");
        String id = submitOk(mvc, "staff1", title, "OTHER", unit).get("id").asString();

        JsonNode page = list("orgUnitId=" + unit);
        assertThat(page.get("items").size()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(page.get("items").get(0).get("orgUnitName").asString()).startsWith("筛选部");
        assertThat(list("orgUnitId=" + empty).get("items").size()).isZero();

        for (String path : new String[] {"/api/v1/problems?orgUnitId=987654321",
                "/api/v1/problems/export.xlsx?orgUnitId=987654321"}) {
            mvc.perform(Api.as(mvc, "admin", get(path))).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("orgUnitId"));
        }
    }

    private JsonNode list(String query) throws Exception {
        return Api.json(mvc.perform(Api.as(mvc, "admin", get("/api/v1/problems?" + query)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
