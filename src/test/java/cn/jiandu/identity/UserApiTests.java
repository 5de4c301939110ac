package cn.jiandu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.org.OrgDirectory;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class UserApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrgDirectory org;

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    String unitId(String name) {
        return String.valueOf(org.findByName(name).orElseThrow().id());
    }

    JsonNode create(String username, String password, List<String> roles) throws Exception {
        String body = mvc.perform(Api.as(mvc, "admin", post("/api/v1/users")).contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("username", username, "displayName", "测试" + username,
                                "orgUnitId", unitId("网络部"), "mobile", "13800000000", "roles", roles,
                                "password", password))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Api.json(body);
    }

    @Test
    void createsReadsAndUpdatesAUser() throws Exception {
        String name = unique("u-");
        JsonNode created = create(name, "Start1234x", List.of("EMPLOYEE"));
        assertThat(created.get("id").isString()).isTrue();
        assertThat(created.get("mustChangePassword").asBoolean()).isTrue();
        String id = created.get("id").asString();
        mvc.perform(Api.as(mvc, "admin", get("/api/v1/users/" + id)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(name))
                .andExpect(jsonPath("$.orgUnitId").value(unitId("网络部")));
        mvc.perform(Api.as(mvc, "admin", put("/api/v1/users/" + id)).contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("displayName", "改名", "orgUnitId", unitId("市场经营部"),
                                "roles", List.of("HANDLER", "EMPLOYEE"), "enabled", true))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("改名"))
                .andExpect(jsonPath("$.roles[0]").value("HANDLER"))
                .andExpect(jsonPath("$.orgUnitId").value(unitId("市场经营部")));
    }

    @Test
    void duplicateUsernameIs409() throws Exception {
        mvc.perform(Api.as(mvc, "admin", post("/api/v1/users")).contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("username", "handler1", "displayName", "重复", "orgUnitId",
                                unitId("网络部"), "roles", List.of("EMPLOYEE"), "password", "Start1234x"))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("用户名“handler1”已存在"));
    }

    @Test
    void unknownRoleAndMalformedJsonAre400NamingTheField() throws Exception {
        String body = mvc.perform(Api.as(mvc, "admin", post("/api/v1/users")).contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("username", unique("r-"), "displayName", "x", "orgUnitId",
                                unitId("网络部"), "roles", List.of("FOO"), "password", "Start1234x"))))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(Api.json(body).get("errors").get(0).get("field").asString()).startsWith("roles");
        mvc.perform(Api.as(mvc, "admin", post("/api/v1/users")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"x\", "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("请求内容不是有效的 JSON"));
        mvc.perform(Api.as(mvc, "admin", post("/api/v1/users")).contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("username", unique("w-"), "displayName", "x", "orgUnitId",
                                unitId("网络部"), "roles", List.of("EMPLOYEE"), "password", "short"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
    }

    @Test
    void withoutUserManageIs403() throws Exception {
        mvc.perform(Api.as(mvc, "handler1", get("/api/v1/users"))).andExpect(status().isForbidden());
        mvc.perform(Api.as(mvc, "secretary", post("/api/v1/users")).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users")).andExpect(status().isUnauthorized());
    }

    @Test
    void listPagesByKeysetWithoutRepeats() throws Exception {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var req = get("/api/v1/users").param("size", "25");
            if (cursor != null) {
                req.param("cursor", cursor);
            }
            JsonNode page = Api.json(mvc.perform(Api.as(mvc, "admin", req)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            page.get("items").forEach(u -> assertThat(seen.add(u.get("id").asString())).isTrue());
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 50);
        assertThat(seen.size()).isGreaterThanOrEqualTo(60);
        assertThat(pages).isGreaterThanOrEqualTo(3);
        mvc.perform(Api.as(mvc, "admin", get("/api/v1/users").param("q", "张晓峰")))
                .andExpect(jsonPath("$.items[0].username").value("handler1"));
        mvc.perform(Api.as(mvc, "admin", get("/api/v1/users").param("size", "101")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void oneTimePasswordMustBeChangedBeforeUsingTheApi() throws Exception {
        String name = unique("otp-");
        String id = create(name, "Start1234x", List.of("EMPLOYEE")).get("id").asString();
        String otp = Api.json(mvc.perform(Api.as(mvc, "admin", post("/api/v1/users/" + id + "/password-reset")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .get("oneTimePassword").asString();
        String token = Api.issue(mvc, name, otp);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.mustChangePassword").value(true));
        mvc.perform(get("/api/v1/org-units").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("请先修改一次性密码"));
        mvc.perform(put("/api/v1/me/password").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("currentPassword", otp, "newPassword", "Mine5678yz"))))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/org-units").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.mustChangePassword").value(false));
    }
}
