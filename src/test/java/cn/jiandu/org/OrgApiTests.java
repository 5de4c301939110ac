package cn.jiandu.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class OrgApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrgDirectory directory;

    long root() {
        return directory.findByName("北海分公司").orElseThrow().id();
    }

    static String unique(String base) {
        return base + UUID.randomUUID().toString().substring(0, 6);
    }

    ResultActions send(String method, String url, Map<String, Object> body) throws Exception {
        var req = method.equals("POST") ? post(url) : put(url);
        return mvc.perform(Api.as(mvc, "admin", req).contentType(MediaType.APPLICATION_JSON).content(Api.write(body)));
    }

    long create(long parent, String name, String type) throws Exception {
        JsonNode n = Api.json(send("POST", "/api/v1/org-units", Map.of("parentId", parent, "name", name, "type", type))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(n.get("id").isString()).isTrue();
        return Long.parseLong(n.get("id").asString());
    }

    static Map<String, Object> update(Long parent, String name, boolean enabled) {
        Map<String, Object> m = new HashMap<>();
        m.put("parentId", parent);
        m.put("name", name);
        m.put("enabled", enabled);
        return m;
    }

    @Test
    void createRenameMoveAndDisable() throws Exception {
        long a = create(root(), unique("甲部"), "DEPARTMENT");
        long b = create(a, unique("甲支部"), "PARTY_BRANCH");
        long c = create(b, unique("甲班组"), "TEAM");
        long d = create(root(), unique("乙部"), "DEPARTMENT");

        String renamed = unique("甲部新名");
        send("PUT", "/api/v1/org-units/" + a, update(root(), renamed, true))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value(renamed));

        // move b (with c below it) under d: the whole subtree's paths are rewritten
        send("PUT", "/api/v1/org-units/" + b, update(d, directory.find(b).orElseThrow().name(), true))
                .andExpect(status().isOk()).andExpect(jsonPath("$.parentId").value(String.valueOf(d)));
        String dPath = directory.find(d).orElseThrow().path();
        assertThat(directory.find(b).orElseThrow().path()).isEqualTo(dPath + b + "/");
        assertThat(directory.find(c).orElseThrow().path()).isEqualTo(dPath + b + "/" + c + "/");
        assertThat(directory.subtreeIds(d)).contains(b, c);
        assertThat(directory.subtreeIds(a)).containsExactly(a);

        send("PUT", "/api/v1/org-units/" + d, update(root(), directory.find(d).orElseThrow().name(), false))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        JsonNode list = Api.json(mvc.perform(Api.as(mvc, "grid1", get("/api/v1/org-units")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(list.isArray()).isTrue();
        JsonNode dJson = null;
        for (JsonNode n : list) {
            if (n.get("id").asString().equals(String.valueOf(d))) {
                dJson = n;
            }
        }
        assertThat(dJson).isNotNull();
        assertThat(dJson.get("enabled").asBoolean()).isFalse();
        assertThat(dJson.get("type").asString()).isEqualTo("DEPARTMENT");
        assertThat(dJson.get("parentId").asString()).isEqualTo(String.valueOf(root()));
    }

    @Test
    void movingIntoItsOwnSubtreeIs409AndChangesNothing() throws Exception {
        long a = create(root(), unique("环部"), "DEPARTMENT");
        long b = create(a, unique("环支部"), "PARTY_BRANCH");
        String name = directory.find(a).orElseThrow().name();
        send("PUT", "/api/v1/org-units/" + a, update(b, name, true))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("不能把单位移动到它自己的下级单位中"));
        send("PUT", "/api/v1/org-units/" + a, update(a, name, true)).andExpect(status().isConflict());
        assertThat(directory.find(a).orElseThrow().parentId()).isEqualTo(root());
        assertThat(directory.find(b).orElseThrow().path()).isEqualTo(directory.find(a).orElseThrow().path() + b + "/");
    }

    @Test
    void badInputIs400NamingTheField() throws Exception {
        String body = send("POST", "/api/v1/org-units", Map.of("parentId", root(), "name", unique("x"), "type", "FOO"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(Api.json(body).get("errors").get(0).get("field").asString()).isEqualTo("type");
        send("POST", "/api/v1/org-units", Map.of("parentId", root(), "name", " ", "type", "TEAM"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(Api.as(mvc, "admin", post("/api/v1/org-units")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"x\", \"type\": "))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("请求内容不是有效的 JSON"));
        send("POST", "/api/v1/org-units", Map.of("parentId", 987654321L, "name", unique("孤"), "type", "TEAM"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("parentId"));
        String dup = unique("重名部");
        create(root(), dup, "DEPARTMENT");
        send("POST", "/api/v1/org-units", Map.of("parentId", root(), "name", dup, "type", "DEPARTMENT"))
                .andExpect(status().isConflict());
        send("PUT", "/api/v1/org-units/987654321", update(root(), "无", true)).andExpect(status().isNotFound());
    }

    @Test
    void withoutOrgManageIs403() throws Exception {
        mvc.perform(Api.as(mvc, "secretary", post("/api/v1/org-units")).contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("parentId", root(), "name", unique("越权"), "type", "TEAM"))))
                .andExpect(status().isForbidden());
        mvc.perform(Api.as(mvc, "handler1", put("/api/v1/org-units/" + root())).contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("name", "改名"))))
                .andExpect(status().isForbidden());
        assertThat(directory.find(root()).orElseThrow().name()).isEqualTo("北海分公司");
    }
}
