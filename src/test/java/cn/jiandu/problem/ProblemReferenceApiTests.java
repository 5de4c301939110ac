package cn.jiandu.problem;

import static cn.jiandu.problem.ProblemFixtures.submitOk;
import static cn.jiandu.problem.ProblemFixtures.unique;
import static cn.jiandu.problem.ProblemFixtures.unitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Categories and dispatch rules: admin maintains them, a new rule routes the next report. */
@IntegrationTest
class ProblemReferenceApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theContractIsDescribedInOpenApi() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(docs).contains("/api/v1/problems/{id}/actions", "/api/v1/problems/{id}/rating",
                "/api/v1/problems/stats", "/api/v1/problems/export.xlsx", "/api/v1/dispatch-rules/{id}",
                "/api/v1/problem-categories");
    }

    @Test
    void categoriesAreListedForAllAndCreatedByTheAdmin() throws Exception {
        mvc.perform(Api.as(mvc, "grid1", get("/api/v1/problem-categories"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", hasItem("服务质量")));
        String code = "T" + unique("C").replace("-", "_");
        String json = Api.write(Map.of("code", code, "name", "测试类别"));
        mvc.perform(Api.as(mvc, "grid1", post("/api/v1/problem-categories").contentType(MediaType.APPLICATION_JSON)
                .content(json))).andExpect(status().isForbidden());
        mvc.perform(Api.as(mvc, "admin", post("/api/v1/problem-categories").contentType(MediaType.APPLICATION_JSON)
                .content(json))).andExpect(status().isCreated());
        mvc.perform(Api.as(mvc, "admin", post("/api/v1/problem-categories").contentType(MediaType.APPLICATION_JSON)
                .content(json))).andExpect(status().isConflict());
    }

    @Test
    void aNewRuleWithKeywordsAndTopPriorityRoutesTheNextReportAndCanBeRemoved() throws Exception {
        String keyword = unique("关键词");
        long network = unitId(mvc, "网络部");
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", "测试规则 " + keyword);
        rule.put("categoryCode", null);
        rule.put("orgUnitId", null);
        rule.put("keywords", keyword);
        rule.put("handlingUnitId", String.valueOf(network));
        rule.put("deadlineWorkingDays", 2);
        rule.put("priority", 1);
        rule.put("enabled", true);
        String created = mvc.perform(Api.as(mvc, "admin", post("/api/v1/dispatch-rules")
                        .contentType(MediaType.APPLICATION_JSON).content(Api.write(rule))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.priority").value(1))
                .andReturn().getResponse().getContentAsString();
        String ruleId = Api.json(created).get("id").asString();

        JsonNode routed = submitOk(mvc, "grid1", "机房问题 " + keyword, "SERVICE", null);
        assertThat(routed.get("handlingUnitId").asString()).isEqualTo(String.valueOf(network));
        JsonNode other = submitOk(mvc, "grid1", unique("普通问题"), "SERVICE", null);
        assertThat(other.get("handlingUnitId").asString()).isEqualTo(String.valueOf(unitId(mvc, "合浦分公司")));

        rule.put("enabled", false);
        mvc.perform(Api.as(mvc, "admin", put("/api/v1/dispatch-rules/" + ruleId)
                        .contentType(MediaType.APPLICATION_JSON).content(Api.write(rule))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        JsonNode afterDisable = submitOk(mvc, "grid1", "机房问题 " + keyword, "SERVICE", null);
        assertThat(afterDisable.get("handlingUnitId").asString()).isNotEqualTo(String.valueOf(network));

        rule.put("handlingUnitId", "987654321");
        mvc.perform(Api.as(mvc, "admin", put("/api/v1/dispatch-rules/" + ruleId)
                        .contentType(MediaType.APPLICATION_JSON).content(Api.write(rule))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("handlingUnitId"));
        mvc.perform(Api.as(mvc, "handler1", delete("/api/v1/dispatch-rules/" + ruleId)))
                .andExpect(status().isForbidden());
        mvc.perform(Api.as(mvc, "admin", delete("/api/v1/dispatch-rules/" + ruleId)))
                .andExpect(status().isNoContent());
        mvc.perform(Api.as(mvc, "admin", delete("/api/v1/dispatch-rules/" + ruleId)))
                .andExpect(status().isNotFound());
    }
}
