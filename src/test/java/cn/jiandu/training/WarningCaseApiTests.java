package cn.jiandu.training;

import static cn.jiandu.training.CaseFixtures.act;
import static cn.jiandu.training.CaseFixtures.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** 警示教育案例 drafted from a closed report: no personal name survives, the link back only for its readers. */
@IntegrationTest
class WarningCaseApiTests {

    // the demo people of the report: grid1 = 吴海涛 reports, handler1 = 张晓峰 handles; 花建平 (staff11) is named
    static final String[] NAMES = {"吴海涛", "张晓峰", "花建平", "grid1", "handler1", "李经理", "老王", "13907791234"};

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    String tag = CaseFixtures.tag();

    String report(String title) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title + "（吴海涛反映）");
        body.put("description", "廉州网格员吴海涛发现，营业员花建平在办理宽带时强制捆绑副卡，代理商李经理默许，"
                + "客户老王投诉电话 13907791234。");
        body.put("categoryCode", "SERVICE");
        body.put("orgUnitId", Api.orgUnitId(mvc, "渠道管理班组"));
        body.put("location", "廉州营业厅");
        String r = mvc.perform(multipart("/api/v1/problems").file(new MockMultipartFile("problem", "",
                        MediaType.APPLICATION_JSON_VALUE, Api.write(body).getBytes(StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + Api.token(mvc, "grid1"))).andReturn().getResponse()
                .getContentAsString();
        return Api.json(r).get("id").asString();
    }

    int problemAction(String who, String id, String action, String comment) throws Exception {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("action", action);
        if (comment != null) {
            b.put("comment", comment);
        }
        return mvc.perform(Api.as(mvc, who, post("/api/v1/problems/" + id + "/actions"))
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(b))).andReturn().getResponse().getStatus();
    }

    MockHttpServletResponse fromProblem(String who, String problemId) throws Exception {
        return mvc.perform(Api.as(mvc, who, post("/api/v1/cases/from-problem/" + problemId))).andReturn()
                .getResponse();
    }

    JsonNode read(String who, String path) throws Exception {
        MockHttpServletResponse r = mvc.perform(Api.as(mvc, who, get(path))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return Api.json(r.getContentAsString());
    }

    @Test
    void aClosedReportBecomesAnAnonymousDraftThatTheOfficeEditsAndPublishes() throws Exception {
        String problem = report("捆绑销售 " + tag);
        // not closed yet: 409; others than the office: 403; unknown: 404
        assertThat(fromProblem("admin", problem).getStatus()).isEqualTo(409);
        assertThat(problemAction("handler1", problem, "ACCEPT", null)).isEqualTo(200);
        assertThat(problemAction("handler1", problem, "REPLY",
                "张晓峰已约谈花建平，由吴海涛（grid1）回访确认；已责令代理商李经理退费。")).isEqualTo(200);
        assertThat(mvc.perform(Api.as(mvc, "grid1", post("/api/v1/problems/" + problem + "/rating"))
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(Map.of("rating", "SATISFIED",
                        "comment", "满意")))).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(fromProblem("grid1", problem).getStatus()).isEqualTo(403);
        assertThat(fromProblem("secretary", problem).getStatus()).isEqualTo(403);
        assertThat(fromProblem("admin", "987654321").getStatus()).isEqualTo(404);

        MockHttpServletResponse drafted = fromProblem("admin", problem);
        assertThat(drafted.getStatus()).as(drafted.getContentAsString()).isEqualTo(201);
        String json = drafted.getContentAsString();
        JsonNode c = Api.json(json);
        assertThat(c.get("kind").asString()).isEqualTo("WARNING_EDUCATION");
        assertThat(c.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(c.get("sourceProblemId").asString()).isEqualTo(problem);
        String text = c.get("title").asString() + c.get("background").asString() + c.get("finding").asString()
                + c.get("handling").asString() + c.get("effect").asString();
        assertThat(text).contains("服务质量", "强制捆绑副卡", "退费", tag);
        for (String name : NAMES) {
            assertThat(text).as("drafted text keeps " + name).doesNotContain(name);
        }
        assertThat(fromProblem("admin", problem).getStatus()).isEqualTo(409);

        String id = c.get("id").asString();
        String path = "/api/v1/cases/" + id;
        // a draft: the office only
        assertThat(mvc.perform(Api.as(mvc, "grid2", get(path))).andReturn().getResponse().getStatus()).isEqualTo(404);
        Map<String, Object> edited = new LinkedHashMap<>();
        edited.put("title", "警示教育：捆绑销售 " + tag);
        edited.put("background", c.get("background").asString());
        edited.put("finding", c.get("finding").asString());
        edited.put("handling", c.get("handling").asString());
        edited.put("effect", "以案为鉴，严禁捆绑销售。");
        assertThat(send(mvc, "grid1", HttpMethod.PUT, path, edited).getStatus()).isEqualTo(404);
        MockHttpServletResponse saved = send(mvc, "admin", HttpMethod.PUT, path, edited);
        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(200);
        assertThat(Api.json(saved.getContentAsString()).get("effect").asString()).isEqualTo("以案为鉴，严禁捆绑销售。");
        assertThat(act(mvc, "admin", id, "PUBLISH").getStatus()).isEqualTo(200);
        assertThat(send(mvc, "admin", HttpMethod.PUT, path, edited).getStatus()).isEqualTo(409);

        // published: every supervisor reads it in the library marked 警示教育; the link back only where the report is
        // readable (its reporter, the office), not for grid2
        JsonNode byGrid2 = read("grid2", path);
        assertThat(byGrid2.get("sourceProblemId").isNull()).isTrue();
        assertThat(read("grid1", path).get("sourceProblemId").asString()).isEqualTo(problem);
        assertThat(read("grid2", "/api/v1/cases?status=PUBLISHED&kind=WARNING_EDUCATION&q=" + tag).get("items")
                .findValuesAsString("id")).containsExactly(id);
        // not an excellent case: nothing goes into 工作亮点
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sharing_entry WHERE name LIKE :n").param("n", "%" + tag + "%")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_entry WHERE target_type = 'training_case' AND target_id = :id""")
                .param("id", id).query(Long.class).single()).isEqualTo(3);
    }
}
