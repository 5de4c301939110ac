package cn.jiandu.training;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/** Requests of the cases API, as the demo people send them. */
final class CaseFixtures {

    private CaseFixtures() {
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> body(String title) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("title", title);
        b.put("background", "网格内代理商较多，群众反映办理业务时被捆绑销售。");
        b.put("finding", "走访 12 户群众、核对 30 笔订单，发现 5 笔强制捆绑副卡。");
        b.put("handling", "通过监督一点通上报，市场经营部约谈代理商并退费。");
        b.put("effect", "群众满意，渠道管理制度得到完善。");
        return b;
    }

    static MockMultipartFile evidence(String name, String text) {
        return new MockMultipartFile("files", name, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    static MockHttpServletResponse send(MockMvc mvc, String who, HttpMethod method, String path,
            Map<String, Object> body, MockMultipartFile... files) throws Exception {
        MockMultipartHttpServletRequestBuilder b = multipart(method, path);
        b.file(new MockMultipartFile("case", "", MediaType.APPLICATION_JSON_VALUE,
                Api.write(body).getBytes(StandardCharsets.UTF_8)));
        for (MockMultipartFile f : files) {
            b.file(f);
        }
        b.header("Authorization", "Bearer " + Api.token(mvc, who));
        return mvc.perform(b).andReturn().getResponse();
    }

    static MockHttpServletResponse submit(MockMvc mvc, String who, Map<String, Object> body,
            MockMultipartFile... files) throws Exception {
        return send(mvc, who, HttpMethod.POST, "/api/v1/cases", body, files);
    }

    static JsonNode submitOk(MockMvc mvc, String who, String title) throws Exception {
        MockHttpServletResponse r = submit(mvc, who, body(title));
        if (r.getStatus() != 201) {
            throw new IllegalStateException(r.getContentAsString());
        }
        return Api.json(r.getContentAsString());
    }

    static MockHttpServletResponse act(MockMvc mvc, String who, String id, String action, Object... extra)
            throws Exception {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("action", action);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            b.put((String) extra[i], extra[i + 1]);
        }
        return mvc.perform(Api.as(mvc, who, post("/api/v1/cases/" + id + "/actions"))
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(b))).andReturn().getResponse();
    }

    static MockHttpServletResponse planMeeting(MockMvc mvc, String who, String date, List<String> caseIds,
            List<String> presenterIds) throws Exception {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("date", date);
        b.put("place", "公司三楼会议室");
        b.put("presenterIds", presenterIds);
        b.put("caseIds", caseIds);
        return mvc.perform(Api.as(mvc, who, post("/api/v1/case-meetings")).contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(b))).andReturn().getResponse();
    }

    static List<String> fields(String problemJson) {
        JsonNode n = Api.json(problemJson);
        return n.has("errors") ? n.get("errors").findValuesAsString("field") : List.of();
    }
}
