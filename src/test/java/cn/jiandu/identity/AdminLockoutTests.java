package cn.jiandu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.jiandu.identity.domain.AdminRecovery;
import cn.jiandu.identity.domain.User;
import cn.jiandu.identity.domain.UserRepository;
import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** One tap must not lock out the installation: no self-disable, the last admin stays, and a way back if it happens. */
@IntegrationTest
class AdminLockoutTests {

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
    @Autowired
    JianduUserDetailsService details;
    @Autowired
    RoleAssignments roles;
    @Autowired
    AdminRecovery recovery;

    ThrowawayUsers throwaway() {
        return new ThrowawayUsers(users, units, encoder);
    }

    @Test
    void anAdminCannotDisableHimselfThroughTheApiOrTheListPage() throws Exception {
        User me = throwaway().create("self", "自停用", Role.ADMIN, false);
        String token = Api.issue(mvc, me.username(), ThrowawayUsers.PASSWORD);
        MockHttpServletResponse api = mvc.perform(put("/api/v1/users/" + me.id())
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content(body(me, List.of("ADMIN"), false))).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(409);
        assertThat(Api.json(api.getContentAsString()).get("detail").asString()).isEqualTo("不能停用自己的账号");

        MockHttpServletResponse page = mvc.perform(post("/users/" + me.id() + "/enabled").param("enabled", "false")
                .header("HX-Request", "true").with(csrf()).with(Pages.as(details, me.username())))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(409);
        assertThat(page.getContentAsString()).contains("不能停用自己的账号");
        assertThat(users.findById(me.id()).orElseThrow().enabled()).isTrue();

        // his own row in the list offers no 停用 at all; other rows ask before disabling
        String list = mvc.perform(get("/users").param("q", me.username()).with(Pages.as(details, me.username())))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains(me.username()).doesNotContain("/users/" + me.id() + "/enabled");
        String others = mvc.perform(get("/users").param("q", "handler1").with(Pages.as(details, me.username())))
                .andReturn().getResponse().getContentAsString();
        assertThat(others).contains("hx-confirm=\"确定停用 张晓峰（handler1）的账号？");
    }

    @Test
    void theLastEnabledAdminKeepsTheRoleAndAnotherAdminMayBeStripped() throws Exception {
        User last = throwaway().create("last", "最后管理员", Role.ADMIN, false);
        String token = Api.issue(mvc, last.username(), ThrowawayUsers.PASSWORD);
        List<Long> others = jdbc.sql("SELECT id FROM app_user WHERE enabled = TRUE AND id <> :me AND id IN "
                + "(SELECT user_id FROM app_user_role WHERE role = 'ADMIN')").param("me", last.id())
                .query(Long.class).list();
        // for the length of this test he is the only enabled admin (without revoking anyone's tokens)
        jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id IN (:ids)").param("ids", others).update();
        try {
            MockHttpServletResponse strip = mvc.perform(put("/api/v1/users/" + last.id())
                    .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                    .content(body(last, List.of("HANDLER"), true))).andReturn().getResponse();
            assertThat(strip.getStatus()).isEqualTo(409);
            assertThat(Api.json(strip.getContentAsString()).get("detail").asString()).contains("最后一个启用的系统管理员");
            assertThatThrownBy(() -> roles.revoke(last.id(), Role.ADMIN, "test"))
                    .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("user.error.lastAdmin"));
            assertThat(users.findById(last.id()).orElseThrow().roles()).contains(Role.ADMIN);

            // with a second admin, either of them may lose the role or be disabled — by the other
            User second = throwaway().create("second", "第二管理员", Role.ADMIN, false);
            MockHttpServletResponse disableSecond = mvc.perform(put("/api/v1/users/" + second.id())
                    .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                    .content(body(second, List.of("ADMIN"), false))).andReturn().getResponse();
            assertThat(disableSecond.getStatus()).as(disableSecond.getContentAsString()).isEqualTo(200);
            // ... and once the second is disabled, the last may again not give up his role
            assertThatThrownBy(() -> roles.revoke(last.id(), Role.ADMIN, "test")).isInstanceOf(Refusal.class);
        } finally {
            jdbc.sql("UPDATE app_user SET enabled = TRUE WHERE id IN (:ids)").param("ids", others).update();
        }
    }

    @Test
    void aDisabledAccountIsToldSoOnlyWithTheRightPassword() throws Exception {
        User off = throwaway().create("off", "已停用", Role.HANDLER, false);
        off.setEnabled(false);
        users.update(off);

        BrowserSession right = new BrowserSession("10.9.1.1");
        MvcResult login = right.login(mvc, off.username(), ThrowawayUsers.PASSWORD);
        assertThat(login.getResponse().getRedirectedUrl()).contains("/login?error");
        assertThat(right.send(mvc, get("/login")).getResponse().getContentAsString()).contains("账号已停用，请联系管理员");

        BrowserSession wrong = new BrowserSession("10.9.1.2");
        wrong.login(mvc, off.username(), "Wrong12345x");
        assertThat(wrong.send(mvc, get("/login")).getResponse().getContentAsString())
                .contains("用户名或密码错误").doesNotContain("已停用");
    }

    @Test
    void theRecoverySwitchEnablesAnExistingAccountAsAdminOrCreatesOneAndBothAreAudited() throws Exception {
        User locked = throwaway().create("locked", "被锁管理员", Role.HANDLER, false);
        locked.setEnabled(false);
        users.update(locked);

        recovery.recover(locked.username(), "Recover2026x");
        User back = users.findById(locked.id()).orElseThrow();
        assertThat(back.enabled()).isTrue();
        assertThat(back.roles()).contains(Role.ADMIN, Role.HANDLER);
        assertThat(back.mustChangePassword()).isTrue();
        assertThat(encoder.matches("Recover2026x", back.passwordHash())).isTrue();
        assertThat(audited(back.id())).isEqualTo(1);

        String fresh = "recovered-" + UUID.randomUUID().toString().substring(0, 8);
        recovery.recover(fresh, "Recover2026x");
        User created = users.findByUsername(fresh).orElseThrow();
        assertThat(created.roles()).containsExactly(Role.ADMIN);
        assertThat(created.enabled()).isTrue();
        assertThat(created.mustChangePassword()).isTrue();
        assertThat(audited(created.id())).isEqualTo(1);

        assertThatThrownBy(() -> recovery.recover("nobody-" + UUID.randomUUID(), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("recover-admin.password");
    }

    private long audited(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'user.recoverAdmin' AND target_id = :id")
                .param("id", String.valueOf(userId)).query(Long.class).single();
    }

    private static String body(User u, List<String> roles, boolean enabled) {
        return Api.write(Map.of("displayName", u.displayName(), "orgUnitId", String.valueOf(u.orgUnitId()),
                "roles", roles, "enabled", enabled));
    }
}
