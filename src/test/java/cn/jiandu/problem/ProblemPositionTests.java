package cn.jiandu.problem;

import static cn.jiandu.problem.ProblemFixtures.problemJson;
import static cn.jiandu.problem.ProblemFixtures.submit;
import static cn.jiandu.problem.ProblemFixtures.unique;
import static cn.jiandu.problem.ProblemFixtures.unitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * 随手拍 with the reporter's consent to share his position: stored with the report, read back by him and the
 * discipline office, never by the handling unit (it reads the place text only).
 */
@IntegrationTest
class ProblemPositionTests {

    // an unusual position, so its digits cannot appear in a page by chance
    static final double LAT = 21.481739;
    static final double LNG = 109.120583;

    @Autowired
    MockMvc mvc;
    @Autowired
    JianduUserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSharedPositionIsStoredAndShownToTheReporterAndTheOfficeButNeverToTheHandler() throws Exception {
        String title = unique("定位随手拍");
        String json = problemJson(title, "SERVICE", unitId(mvc, "渠道管理班组")).replaceFirst("\\}$",
                ",\"position\":{\"latitude\":" + LAT + ",\"longitude\":" + LNG + ",\"accuracyMeters\":25}}");
        String id = Api.json(submit(mvc, "grid1", json).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString()).get("id").asString();

        Map<String, Object> row = jdbc.sql("SELECT latitude, longitude, position_accuracy_m FROM problem WHERE id = :id")
                .param("id", Long.parseLong(id)).query().singleRow();
        assertThat(((Number) row.get("latitude")).doubleValue()).isEqualTo(LAT);
        assertThat(((Number) row.get("longitude")).doubleValue()).isEqualTo(LNG);
        assertThat(((Number) row.get("position_accuracy_m")).doubleValue()).isEqualTo(25.0);

        JsonNode own = Api.json(body("grid1", "/api/v1/problems/" + id));
        assertThat(own.get("position").get("latitude").asDouble()).isEqualTo(LAT);
        JsonNode office = Api.json(body("admin", "/api/v1/problems/" + id));
        assertThat(office.get("position").get("longitude").asDouble()).isEqualTo(LNG);

        String handlerApi = body("handler1", "/api/v1/problems/" + id);
        assertThat(Api.json(handlerApi).get("title").asString()).isEqualTo(title); // he does read the report
        assertThat(Api.json(handlerApi).path("position").isNull() || Api.json(handlerApi).path("position").isMissingNode())
                .as("handler's detail: %s", handlerApi).isTrue();
        assertThat(handlerApi).doesNotContain("21.48", "109.12").contains("现场");
        String handlerPage = page("handler1", "/problems/" + id);
        assertThat(handlerPage).contains(title).doesNotContain("21.48", "109.12", "data-testid=\"problem-position\"");
        assertThat(body("handler1", "/api/v1/problems?assigned=true&q=" + title)).contains(title)
                .doesNotContain("21.48");
        assertThat(page("grid1", "/problems/" + id)).contains("data-testid=\"problem-position\"", "21.48174");
    }

    @Test
    void theReportFormSendsThePositionAsHiddenFieldsAndHalfAPositionIsRefused() throws Exception {
        String title = unique("页面定位");
        String location = mvc.perform(multipart("/problems").with(csrf()).with(Pages.as(users, "grid1"))
                        .param("title", title).param("description", "路灯不亮").param("categoryCode", "SERVICE")
                        .param("orgUnitId", String.valueOf(unitId(mvc, "渠道管理班组")))
                        .param("latitude", String.valueOf(LAT)).param("longitude", String.valueOf(LNG))
                        .param("accuracy", "12"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Double lat = jdbc.sql("SELECT latitude FROM problem WHERE id = :id").param("id", id).query(Double.class).single();
        assertThat(lat).isEqualTo(LAT);

        String half = problemJson(unique("半个位置"), "SERVICE", null).replaceFirst("\\}$",
                ",\"position\":{\"latitude\":" + LAT + "}}");
        submit(mvc, "grid1", half).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("position"));
        String none = unique("不带位置");
        String plain = Api.json(submit(mvc, "grid1", problemJson(none, "SERVICE", null)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        assertThat(Api.json(body("grid1", "/api/v1/problems/" + plain)).path("position").isNull()).isTrue();
    }

    private String body(String user, String path) throws Exception {
        return mvc.perform(Api.as(mvc, user, get(path))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(String user, String path) throws Exception {
        return mvc.perform(get(path).with(Pages.as(users, user))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
