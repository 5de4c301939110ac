package cn.jiandu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AuditApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrgDirectory units;
    @Autowired
    JianduUserDetailsService details;

    static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    List<JsonNode> search(String... params) throws Exception {
        var req = get("/api/v1/audit");
        for (int i = 0; i < params.length; i += 2) {
            req.param(params[i], params[i + 1]);
        }
        JsonNode page = Api.json(mvc.perform(Api.as(mvc, "admin", req)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        List<JsonNode> out = new ArrayList<>();
        page.get("items").forEach(out::add);
        return out;
    }

    static JsonNode find(List<JsonNode> items, String action, String outcome) {
        return items.stream().filter(e -> e.get("action").asString().equals(action)
                        && e.get("outcome").asString().equals(outcome)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " " + outcome + " in " + items));
    }

    String newUser(String name) throws Exception {
        String body = mvc.perform(from("10.30.0.9", Api.as(mvc, "admin", post("/api/v1/users")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("username", name, "displayName", "审计", "orgUnitId",
                                String.valueOf(units.findByName("网络部").orElseThrow().id()), "roles",
                                List.of("EMPLOYEE"), "password", "Start1234x"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Api.json(body).get("id").asString();
    }

    @Test
    void loginsAndTokensAreRecordedWithTheAddress() throws Exception {
        String name = "aud-" + UUID.randomUUID().toString().substring(0, 8);
        String id = newUser(name);
        mvc.perform(from("10.30.0.1", post("/api/v1/auth/token")).contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("username", name, "password", "wrong-pass1"))))
                .andExpect(status().isUnauthorized());
        String token = Api.json(mvc.perform(from("10.30.0.2", post("/api/v1/auth/token"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("username", name, "password", "Start1234x"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("token").asString();
        mvc.perform(from("10.30.0.3", delete("/api/v1/auth/token")).header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());

        List<JsonNode> mine = search("actor", name);
        JsonNode failure = find(mine, "auth.login", "FAILURE");
        assertThat(failure.get("address").asString()).isEqualTo("10.30.0.1");
        JsonNode success = find(mine, "auth.login", "SUCCESS");
        assertThat(success.get("address").asString()).isEqualTo("10.30.0.2");
        assertThat(success.get("actorId").asString()).isEqualTo(id);
        assertThat(find(mine, "auth.token.issue", "SUCCESS").get("address").asString()).isEqualTo("10.30.0.2");
        assertThat(find(mine, "auth.token.revoke", "SUCCESS").get("address").asString()).isEqualTo("10.30.0.3");
        // newest first
        assertThat(mine.get(0).get("action").asString()).isEqualTo("auth.token.revoke");
        JsonNode created = find(search("action", "user.create", "targetType", "user", "targetId", id),
                "user.create", "SUCCESS");
        assertThat(created.get("actorName").asString()).isEqualTo("admin");
        assertThat(created.get("address").asString()).isEqualTo("10.30.0.9");
        assertThat(OffsetDateTime.parse(created.get("occurredAt").asString())).isNotNull();
    }

    @Test
    void orgAndUserChangesAreRecordedWithTheAddress() throws Exception {
        String unitName = "审计部" + UUID.randomUUID().toString().substring(0, 6);
        long root = units.findByName("北海分公司").orElseThrow().id();
        String unitId = Api.json(mvc.perform(from("10.31.0.1", Api.as(mvc, "admin", post("/api/v1/org-units")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("parentId", root, "name", unitName, "type", "DEPARTMENT"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
        mvc.perform(from("10.31.0.2", Api.as(mvc, "admin", put("/api/v1/org-units/" + unitId)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("parentId", root, "name", unitName + "改", "enabled", false))))
                .andExpect(status().isOk());
        List<JsonNode> org = search("targetType", "org_unit", "targetId", unitId);
        assertThat(find(org, "org.create", "SUCCESS").get("address").asString()).isEqualTo("10.31.0.1");
        JsonNode update = find(org, "org.update", "SUCCESS");
        assertThat(update.get("address").asString()).isEqualTo("10.31.0.2");
        assertThat(update.get("detail").asString()).contains("rename").contains("disable");

        String userId = newUser("aud2-" + UUID.randomUUID().toString().substring(0, 8));
        mvc.perform(from("10.31.0.3", Api.as(mvc, "admin", post("/api/v1/users/" + userId + "/password-reset"))))
                .andExpect(status().isOk());
        JsonNode reset = find(search("action", "user.", "targetId", userId), "user.resetPassword", "SUCCESS");
        assertThat(reset.get("address").asString()).isEqualTo("10.31.0.3");
        assertThat(reset.get("detail").asString()).doesNotContain("password=");
    }

    @Test
    void pagesByKeysetNewestFirstAndFiltersByTime() throws Exception {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        OffsetDateTime previous = null;
        for (int page = 0; page < 4; page++) {
            var req = get("/api/v1/audit").param("size", "3");
            if (cursor != null) {
                req.param("cursor", cursor);
            }
            JsonNode body = Api.json(mvc.perform(Api.as(mvc, "admin", req)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            assertThat(body.get("items")).hasSize(3);
            for (JsonNode e : body.get("items")) {
                assertThat(seen.add(e.get("id").asString())).isTrue();
                OffsetDateTime at = OffsetDateTime.parse(e.get("occurredAt").asString());
                if (previous != null) {
                    assertThat(at).isBeforeOrEqualTo(previous);
                }
                previous = at;
            }
            cursor = body.get("nextCursor").asString();
        }
        assertThat(search("from", "2000-01-01", "to", "2000-01-02")).isEmpty();
        assertThat(search("from", OffsetDateTime.now().minusDays(1).toString())).isNotEmpty();
        mvc.perform(Api.as(mvc, "admin", get("/api/v1/audit").param("from", "yesterday")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(Api.as(mvc, "admin", get("/api/v1/audit").param("cursor", "not-a-cursor")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("cursor"));
    }

    @Test
    void onlyAuditReadersMaySearch() throws Exception {
        mvc.perform(Api.as(mvc, "secretary", get("/api/v1/audit"))).andExpect(status().isOk());
        mvc.perform(Api.as(mvc, "handler1", get("/api/v1/audit"))).andExpect(status().isForbidden());
        mvc.perform(Api.as(mvc, "grid1", get("/api/v1/audit"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit")).andExpect(status().isUnauthorized());
    }

    @Test
    void thePageFiltersWithHtmx() throws Exception {
        mvc.perform(get("/audit").with(Pages.as(details, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<nav")))
                .andExpect(content().string(containsString("审计日志")))
                .andExpect(content().string(containsString("data-testid=\"audit-table\"")));
        mvc.perform(get("/audit").param("action", "auth.login").header("HX-Request", "true")
                        .with(Pages.as(details, "secretary")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"audit-results\"")))
                .andExpect(content().string(containsString("data-action=\"auth.login\"")))
                .andExpect(content().string(not(containsString("data-action=\"org.create\""))))
                .andExpect(content().string(not(containsString("<nav"))));
        mvc.perform(get("/audit").param("from", "nonsense").header("HX-Request", "true")
                        .with(Pages.as(details, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("时间格式应为")));
        mvc.perform(get("/audit").with(Pages.as(details, "handler1"))).andExpect(status().isForbidden());
    }
}
