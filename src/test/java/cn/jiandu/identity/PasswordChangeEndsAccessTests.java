package cn.jiandu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.domain.User;
import cn.jiandu.identity.domain.UserRepository;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.shared.security.Role;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Finding 11 of issue 15 (ASVS V7.4.3): changing one's own password left older bearer tokens valid and other page
 * sessions alive, and an admin's reset left the user's sessions alive. Now every other token and session ends; the
 * one the change was made from stays. The new policy answers through the API and the page alike.
 */
@IntegrationTest
class PasswordChangeEndsAccessTests {

    static final String PASSWORD = ThrowawayUsers.PASSWORD;
    static final String NEXT = "a quiet river at dawn";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserRepository users;
    @Autowired
    OrgDirectory units;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    User newUser() {
        return new ThrowawayUsers(users, units, encoder).create("pwc", "改密测试", Role.HANDLER, false);
    }

    long sessionsOf(User u) {
        return jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?").param(u.username())
                .query(Long.class).single();
    }

    int me(String token) throws Exception {
        return mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andReturn().getResponse()
                .getStatus();
    }

    @Test
    void aChangeThroughTheApiEndsOtherTokensAndEverySessionButKeepsItsOwnToken() throws Exception {
        User u = newUser();
        String current = Api.issue(mvc, u.username(), PASSWORD);
        String older = Api.issue(mvc, u.username(), PASSWORD);
        BrowserSession browser = new BrowserSession("10.31.0.1");
        browser.login(mvc, u.username(), PASSWORD);
        assertThat(sessionsOf(u)).isEqualTo(1);

        mvc.perform(put("/api/v1/me/password").header("Authorization", "Bearer " + current)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("currentPassword", PASSWORD, "newPassword", NEXT))))
                .andExpect(status().isNoContent());

        assertThat(me(current)).isEqualTo(200);
        assertThat(me(older)).isEqualTo(401);
        assertThat(sessionsOf(u)).isZero();
        assertThat(browser.send(mvc, get("/")).getResponse().getRedirectedUrl()).contains("/login");
        assertThat(me(Api.issue(mvc, u.username(), NEXT))).isEqualTo(200);
    }

    @Test
    void aChangeOnThePageEndsEveryTokenAndOtherSessionsButKeepsItsOwnSession() throws Exception {
        User u = newUser();
        String token = Api.issue(mvc, u.username(), PASSWORD);
        BrowserSession here = new BrowserSession("10.31.0.2");
        BrowserSession elsewhere = new BrowserSession("10.31.0.3");
        here.login(mvc, u.username(), PASSWORD);
        elsewhere.login(mvc, u.username(), PASSWORD);
        assertThat(sessionsOf(u)).isEqualTo(2);

        var changed = here.send(mvc, post("/account/password").with(csrf()).param("currentPassword", PASSWORD)
                .param("newPassword", NEXT).param("confirmPassword", NEXT));
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/");

        assertThat(here.send(mvc, get("/")).getResponse().getStatus()).isEqualTo(200);
        assertThat(elsewhere.send(mvc, get("/")).getResponse().getRedirectedUrl()).contains("/login");
        assertThat(sessionsOf(u)).isEqualTo(1);
        assertThat(me(token)).isEqualTo(401);
    }

    @Test
    void anAdminResetEndsTheUsersSessionsAndTokens() throws Exception {
        User u = newUser();
        String token = Api.issue(mvc, u.username(), PASSWORD);
        BrowserSession browser = new BrowserSession("10.31.0.4");
        browser.login(mvc, u.username(), PASSWORD);
        assertThat(sessionsOf(u)).isEqualTo(1);
        mvc.perform(Api.as(mvc, "admin", post("/api/v1/users/" + u.id() + "/password-reset")))
                .andExpect(status().isOk());
        assertThat(sessionsOf(u)).isZero();
        assertThat(me(token)).isEqualTo(401);
    }

    @Test
    void theApiRefusesACommonPasswordNamingTheField() throws Exception {
        User u = newUser();
        String token = Api.issue(mvc, u.username(), PASSWORD);
        mvc.perform(put("/api/v1/me/password").header("Authorization", "Bearer " + token)
                        .header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("currentPassword", PASSWORD, "newPassword", "password1"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"))
                .andExpect(jsonPath("$.detail").value("这是最常见的密码之一，或含有本系统的名称，很容易被猜中，请换一个"));
        assertThat(me(token)).isEqualTo(200);
    }
}
