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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** Disabling an account ends its bearer tokens and page sessions at once; one-time passwords block everything else. */
@IntegrationTest
class AccessRevocationTests {

    static final String PASSWORD = ThrowawayUsers.PASSWORD;

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

    User newUser(boolean mustChange) {
        return new ThrowawayUsers(users, units, encoder).create("rev", "撤销测试", Role.HANDLER, mustChange);
    }

    void disable(User u) throws Exception {
        mvc.perform(Api.as(mvc, "admin", put("/api/v1/users/" + u.id())).contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("displayName", u.displayName(), "orgUnitId",
                                String.valueOf(u.orgUnitId()), "roles", List.of("HANDLER"), "enabled", false))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
    }

    long sessionsOf(User u) {
        return jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?").param(u.username())
                .query(Long.class).single();
    }

    @Test
    void aLiveTokenGets401RightAfterDisable() throws Exception {
        User u = newUser(false);
        String token = Api.issue(mvc, u.username(), PASSWORD);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        disable(u);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("令牌无效、已过期或已撤销"));
    }

    @Test
    void aPageSessionIsSentToLoginOnItsNextRequest() throws Exception {
        User u = newUser(false);
        BrowserSession browser = new BrowserSession("10.20.0.1");
        var login = browser.login(mvc, u.username(), PASSWORD);
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(browser.send(mvc, get("/")).getResponse().getStatus()).isEqualTo(200);
        assertThat(sessionsOf(u)).isEqualTo(1);
        disable(u);
        assertThat(sessionsOf(u)).as("session rows deleted from the shared store").isZero();
        var after = browser.send(mvc, get("/"));
        assertThat(after.getResponse().getStatus()).isEqualTo(302);
        assertThat(after.getResponse().getRedirectedUrl()).contains("/login");
        var htmx = browser.send(mvc, get("/account").header("HX-Request", "true"));
        assertThat(htmx.getResponse().getStatus()).isEqualTo(401);
        assertThat(htmx.getResponse().getHeader("HX-Redirect")).contains("/login");
    }

    @Test
    void aDisabledAccountCannotSignInAgain() throws Exception {
        User u = newUser(false);
        disable(u);
        mvc.perform(post("/api/v1/auth/token")
                        .with(r -> { r.setRemoteAddr("10.20.0.2"); return r; })
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("username", u.username(), "password", PASSWORD))))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aOneTimePasswordSendsEveryPageToThePasswordForm() throws Exception {
        User u = newUser(true);
        BrowserSession browser = new BrowserSession("10.20.0.3");
        browser.login(mvc, u.username(), PASSWORD);
        var home = browser.send(mvc, get("/"));
        assertThat(home.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
        var form = browser.send(mvc, get("/account/password"));
        assertThat(form.getResponse().getStatus()).isEqualTo(200);
        assertThat(form.getResponse().getContentAsString()).contains("data-testid=\"forced-change\"");
        var changed = browser.send(mvc, post("/account/password").with(
                        csrf())
                .param("currentPassword", PASSWORD).param("newPassword", "Fresh9876ab")
                .param("confirmPassword", "Fresh9876ab"));
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/");
        var homeAgain = browser.send(mvc, get("/"));
        assertThat(homeAgain.getResponse().getStatus()).isEqualTo(200);
        assertThat(homeAgain.getResponse().getContentAsString()).contains("data-testid=\"home-title\"");
    }
}
