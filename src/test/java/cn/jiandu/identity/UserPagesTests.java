package cn.jiandu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.domain.UserRepository;
import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class UserPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JianduUserDetailsService details;
    @Autowired
    UserRepository users;
    @Autowired
    OrgDirectory org;
    @Autowired
    PasswordEncoder encoder;

    String net() {
        return String.valueOf(org.findByName("网络部").orElseThrow().id());
    }

    @Test
    void fullPageHtmxSearchAndLoadMore() throws Exception {
        String page = mvc.perform(get("/users").with(Pages.as(details, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<nav")))
                .andExpect(content().string(containsString("用户管理")))
                .andExpect(content().string(containsString("data-testid=\"load-more\"")))
                .andExpect(content().string(containsString("批量导入")))
                .andExpect(content().string(containsString("hx-confirm=\"确定重置用户 admin 的密码吗？")))
                .andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("hx-get=\"/users\\?[^\"]*cursor=([^\"&]+)\"").matcher(page);
        assertThat(m.find()).as("load-more link").isTrue();
        mvc.perform(get("/users").param("cursor", m.group(1)).header("HX-Request", "true")
                        .with(Pages.as(details, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<tr")))
                .andExpect(content().string(not(containsString("<nav"))))
                .andExpect(content().string(not(containsString("<table"))));
        mvc.perform(get("/users").param("q", "张晓峰").header("HX-Request", "true").with(Pages.as(details, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"user-results\"")))
                .andExpect(content().string(containsString("handler1")))
                .andExpect(content().string(not(containsString("handler2"))));
    }

    @Test
    void createShowsReadableErrorsThenSaves() throws Exception {
        String name = "page-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/users").with(Pages.as(details, "admin")).with(csrf()).header("HX-Request", "true")
                        .param("username", name).param("displayName", "页面用户").param("orgUnitId", net())
                        .param("roles", "HANDLER").param("password", "weak"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("密码至少 8 位")))
                .andExpect(content().string(containsString("value=\"" + name + "\"")));
        mvc.perform(post("/users").with(Pages.as(details, "admin")).with(csrf()).header("HX-Request", "true")
                        .param("username", "handler1").param("displayName", "重复").param("orgUnitId", net())
                        .param("roles", "HANDLER").param("password", "Start1234x"))
                .andExpect(content().string(containsString("用户名“handler1”已存在")));
        mvc.perform(post("/users").with(Pages.as(details, "admin")).with(csrf()).header("HX-Request", "true")
                        .param("username", name).param("displayName", "页面用户").param("orgUnitId", net())
                        .param("roles", "HANDLER").param("roles", "EMPLOYEE").param("password", "Start1234x"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", "users-changed"))
                .andExpect(content().string(containsString("已创建用户 " + name)));
        var u = users.findByUsername(name).orElseThrow();
        assertThat(u.roles()).hasSize(2);
        assertThat(u.mustChangePassword()).isTrue();
        // without htmx: a redirect back to the list
        String other = name + "b";
        mvc.perform(post("/users").with(Pages.as(details, "admin")).with(csrf())
                        .param("username", other).param("displayName", "无脚本").param("orgUnitId", net())
                        .param("roles", "EMPLOYEE").param("password", "Start1234x"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/users"));
    }

    @Test
    void editDisableAndResetPassword() throws Exception {
        String name = "edit-" + UUID.randomUUID().toString().substring(0, 8);
        var u = users.insert(new cn.jiandu.identity.domain.User(null, name, "编辑前", Long.parseLong(net()), null,
                encoder.encode("Start1234x"), java.util.Set.of(cn.jiandu.shared.security.Role.EMPLOYEE), true, false));
        mvc.perform(get("/users/" + u.id() + "/edit").header("HX-Request", "true").with(Pages.as(details, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("编辑前")))
                .andExpect(content().string(not(containsString("<nav"))));
        mvc.perform(get("/users/" + u.id() + "/edit").with(Pages.as(details, "admin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<nav")));
        mvc.perform(post("/users/" + u.id()).with(Pages.as(details, "admin")).with(csrf()).header("HX-Request", "true")
                        .param("displayName", "编辑后").param("orgUnitId", net()).param("mobile", "12")
                        .param("roles", "EMPLOYEE").param("_enabled", "on").param("enabled", "true"))
                .andExpect(content().string(containsString("手机号须为 11 位数字")));
        mvc.perform(post("/users/" + u.id()).with(Pages.as(details, "admin")).with(csrf()).header("HX-Request", "true")
                        .param("displayName", "编辑后").param("orgUnitId", net()).param("mobile", "13700000000")
                        .param("roles", "REVIEWER").param("_enabled", "on"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已保存用户")));
        var after = users.findById(u.id()).orElseThrow();
        assertThat(after.displayName()).isEqualTo("编辑后");
        assertThat(after.enabled()).as("unchecked box disables").isFalse();
        assertThat(after.roles()).extracting(Enum::name).containsExactly("REVIEWER");

        mvc.perform(post("/users/" + u.id() + "/enabled").param("enabled", "true").header("HX-Request", "true")
                        .with(Pages.as(details, "admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"user-" + u.id() + "\"")))
                .andExpect(content().string(containsString("停用")));
        assertThat(users.findById(u.id()).orElseThrow().enabled()).isTrue();

        String html = mvc.perform(post("/users/" + u.id() + "/password-reset").header("HX-Request", "true")
                        .with(Pages.as(details, "admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("只显示这一次")))
                .andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("data-testid=\"one-time-password\">([^<]+)<").matcher(html);
        assertThat(m.find()).isTrue();
        var reset = users.findById(u.id()).orElseThrow();
        assertThat(reset.mustChangePassword()).isTrue();
        assertThat(encoder.matches(m.group(1), reset.passwordHash())).isTrue();
    }

    @Test
    void speaksEnglishOnRequest() throws Exception {
        mvc.perform(get("/users").cookie(new jakarta.servlet.http.Cookie("lang", "en")).with(Pages.as(details, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bulk import")))
                .andExpect(content().string(containsString("Reset password")))
                .andExpect(content().string(not(containsString("批量导入"))));
        mvc.perform(get("/audit").cookie(new jakarta.servlet.http.Cookie("lang", "en")).with(Pages.as(details, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Audit log")));
    }

    @Test
    void nonAdminGets403AndNoNavEntry() throws Exception {
        mvc.perform(get("/users").with(Pages.as(details, "handler1"))).andExpect(status().isForbidden());
        mvc.perform(get("/").with(Pages.as(details, "handler1")))
                .andExpect(content().string(not(containsString("href=\"/users\""))));
        mvc.perform(get("/").with(Pages.as(details, "admin")))
                .andExpect(content().string(containsString("href=\"/users\"")))
                .andExpect(content().string(containsString("href=\"/audit\"")));
    }
}
