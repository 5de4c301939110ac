package cn.jiandu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class AuthApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void tokenWorksOnMeUntilRevoked() throws Exception {
        String token = Api.issue(mvc, "handler1", Api.DEMO_PASSWORD);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("handler1"))
                .andExpect(jsonPath("$.roles[0]").value("HANDLER"))
                .andExpect(jsonPath("$.id").isString())
                .andExpect(jsonPath("$.orgUnitId").isString());
        mvc.perform(delete("/api/v1/auth/token").header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSame401() throws Exception {
        String wrong = mvc.perform(post("/api/v1/auth/token").with(r -> { r.setRemoteAddr("10.1.0.1"); return r; })
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("username", "staff1", "password", "nope-1234"))))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        String unknown = mvc.perform(post("/api/v1/auth/token").with(r -> { r.setRemoteAddr("10.1.0.2"); return r; })
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("username", "no-such-user", "password", "nope-1234"))))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        assertThat(Api.json(wrong).get("detail").asString()).isEqualTo(Api.json(unknown).get("detail").asString())
                .isEqualTo("用户名或密码错误");
    }

    @Test
    void problemDetailFollowsAcceptLanguage() throws Exception {
        mvc.perform(get("/api/v1/me").header("Accept-Language", "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Please sign in"));
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("请先登录"));
    }
}
