package cn.jiandu.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.assessment.domain.StandardSchemes;
import cn.jiandu.shared.security.Role;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@IntegrationTest
class AssessmentSchemeApiTests {

    /** Years no demo scheme uses, one per test scheme (one scheme per type and year). */
    private static final AtomicInteger YEAR = new AtomicInteger(2040 + (int) (System.nanoTime() % 40));

    @Autowired
    MockMvc mvc;

    static String body(Role type, int year) {
        return Api.write(StandardSchemes.of(type, year));
    }

    JsonNode call(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r,
            int expected) throws Exception {
        String s = mvc.perform(Api.as(mvc, user, r.contentType(MediaType.APPLICATION_JSON)))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return s.isEmpty() ? null : Api.json(s);
    }

    @Test
    void theDemoHasTheThreeTypesSchemesForThisYearReadableBySupervisors() throws Exception {
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        JsonNode list = call("grid1", get("/api/v1/assessment-schemes?year=" + year), 200);
        List<String> types = new ArrayList<>();
        list.forEach(s -> types.add(s.get("type").asString()));
        assertThat(types).containsExactlyInAnyOrder("BRANCH_INSPECTOR", "TEAM_SUPERVISOR", "GRID_SUPERVISOR");
        JsonNode grid = null;
        for (JsonNode s : list) {
            if (s.get("type").asString().equals("GRID_SUPERVISOR")) {
                grid = s;
            }
        }
        assertThat(grid.get("id").isString()).isTrue();
        assertThat(grid.get("dimensions")).hasSize(4);
        assertThat(grid.at("/dimensions/0/name").asString()).isEqualTo("履职情况反馈");
        assertThat(grid.at("/dimensions/0/indicators/0/metric").asString()).isEqualTo("feedbackOnTimeRate");
        assertThat(grid.at("/dimensions/0/indicators/0/rule/kind").asString()).isEqualTo("LINEAR");
        assertThat(grid.at("/grades/excellentShareCap").decimalValue()).isEqualByComparingTo("0.20");
        call("staff1", get("/api/v1/assessment-schemes"), 403);
    }

    @Test
    void theAdminCreatesReadsAndEditsASchemeAndASecondOneForTheSameYearIsAConflict() throws Exception {
        int year = YEAR.getAndIncrement();
        JsonNode created = call("admin", post("/api/v1/assessment-schemes").content(body(Role.TEAM_SUPERVISOR, year)),
                201);
        String id = created.get("id").asString();
        assertThat(created.get("version").asInt()).isEqualTo(1);
        call("admin", post("/api/v1/assessment-schemes").content(body(Role.TEAM_SUPERVISOR, year)), 409);

        ObjectNode edited = (ObjectNode) created.deepCopy();
        ((ObjectNode) edited.at("/grades")).put("excellentFrom", 92);
        JsonNode updated = call("admin", put("/api/v1/assessment-schemes/" + id).content(edited.toString()), 200);
        assertThat(updated.get("id").asString()).as("not in use: edited in place").isEqualTo(id);
        assertThat(call("inspector1", get("/api/v1/assessment-schemes/" + id), 200).at("/grades/excellentFrom")
                .decimalValue()).isEqualByComparingTo("92");
        call("secretary", put("/api/v1/assessment-schemes/" + id).content(edited.toString()), 403);
    }

    @Test
    void badSchemesAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        int year = YEAR.getAndIncrement();
        ObjectNode s = (ObjectNode) Api.json(body(Role.GRID_SUPERVISOR, year));
        ((ObjectNode) s.at("/dimensions/3")).put("weight", 20);
        ((ObjectNode) s.at("/dimensions/1/indicators/0")).put("metric", "happiness");
        ((ObjectNode) s.at("/grades")).put("qualifiedFrom", 95);
        JsonNode refused = call("admin", post("/api/v1/assessment-schemes").content(s.toString()), 400);
        List<String> fields = new ArrayList<>();
        refused.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("dimensions", "dimensions[1].indicators[0].metric",
                "grades.qualifiedFrom");
        assertThat(call("admin", get("/api/v1/assessment-schemes?year=" + year), 200)).isEmpty();
    }

    @Test
    void refusalsSpeakTheCallersLanguage() throws Exception {
        ObjectNode s = (ObjectNode) Api.json(body(Role.GRID_SUPERVISOR, YEAR.getAndIncrement()));
        ((ObjectNode) s.at("/dimensions/3")).put("weight", 20);
        String zh = mvc.perform(Api.as(mvc, "admin", post("/api/v1/assessment-schemes")
                        .contentType(MediaType.APPLICATION_JSON).content(s.toString()).header("Accept-Language", "zh-CN")))
                .andReturn().getResponse().getContentAsString();
        assertThat(Api.json(zh).at("/errors/0/message").asString()).contains("100").contains("110");
    }
}
