package cn.jiandu.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/** The admin's page per space: members by role and added ones, add/remove by username, the quota against use. */
@IntegrationTest
class SpaceAdminPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JianduUserDetailsService users;
    @Autowired
    UserDirectory directory;
    @Autowired
    JdbcClient jdbc;

    private MvcResult page(String user, String url) throws Exception {
        return mvc.perform(get(url).with(Pages.as(users, user))).andReturn();
    }

    private long userId(String username) {
        return directory.findByUsername(username).orElseThrow().id();
    }

    private long quota(long spaceId) {
        return jdbc.sql("SELECT quota_bytes FROM sharing_space WHERE id = :id").param("id", spaceId)
                .query(Long.class).single();
    }

    /** A space of the test's own (no role), with one 1,000-byte file in it. */
    private long newSpaceWithAFile() throws Exception {
        JsonNode space = Api.json(mvc.perform(Api.as(mvc, "admin", post("/api/v1/spaces")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("name", Fixtures.unique("成员测试", ""))))))
                .andReturn().getResponse().getContentAsString());
        long folder = Long.parseLong(space.get("folders").get(0).get("id").asString());
        Fixtures.uploaded(mvc, "admin", folder, Fixtures.unique("a", ".txt"), Fixtures.text(1000));
        return Long.parseLong(space.get("id").asString());
    }

    private boolean sees(String user, long spaceId) throws Exception {
        JsonNode spaces = Api.json(mvc.perform(Api.as(mvc, user, get("/api/v1/spaces"))).andReturn().getResponse()
                .getContentAsString());
        for (JsonNode s : spaces) {
            if (s.get("id").asString().equals(Long.toString(spaceId))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aRoleSpaceListsTheHoldersOfItsRoleAndItsUseAgainstTheQuota() throws Exception {
        long team = Long.parseLong(Fixtures.space(mvc, "admin", "TEAM_SUPERVISOR").get("id").asString());
        MvcResult r = page("admin", "/sharing/spaces/" + team + "/admin");
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        String html = r.getResponse().getContentAsString();
        assertThat(html).contains("<nav").contains("成员与配额")
                .contains("data-testid=\"by-role-" + userId("team1") + "\"")
                .contains("data-testid=\"by-role-" + userId("team2") + "\"")
                .doesNotContain("data-testid=\"by-role-" + userId("grid1") + "\"")
                .contains("持有“班组监督员”角色的在用账号自动属于本空间")
                .contains("data-testid=\"quota-bar\"").contains("/ 20 GB").contains("name=\"_csrf\"");
        assertThat(page("admin", "/sharing")).satisfies(p -> assertThat(p.getResponse().getContentAsString())
                .contains("href=\"/sharing/spaces/" + team + "/admin\""));
        assertThat(page("team1", "/sharing").getResponse().getContentAsString())
                .doesNotContain("/sharing/spaces/" + team + "/admin");
    }

    @Test
    void theAdminAddsAMemberByUsernameAndRemovesHimWithHtmx() throws Exception {
        long space = newSpaceWithAFile();
        long handler = userId("handler2");
        assertThat(sees("handler2", space)).isFalse();
        String url = "/sharing/spaces/" + space + "/admin";
        assertThat(page("admin", url).getResponse().getContentAsString()).contains("data-testid=\"no-role\"")
                .contains("暂无手动添加的成员");

        // a plain form: redirect (PRG), the notice flashed
        MvcResult added = mvc.perform(post("/sharing/spaces/" + space + "/members").param("username", " handler2 ")
                .with(Pages.as(users, "admin")).with(csrf())).andReturn();
        assertThat(added.getResponse().getStatus()).isEqualTo(302);
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo(url);
        assertThat(added.getFlashMap().get("notice")).isEqualTo("已添加成员");
        assertThat(sees("handler2", space)).isTrue();
        assertThat(page("admin", url).getResponse().getContentAsString())
                .contains("data-testid=\"added-" + handler + "\"").contains("陈志刚")
                .contains("data-testid=\"remove-" + handler + "\"");

        MvcResult unknown = mvc.perform(post("/sharing/spaces/" + space + "/members").param("username", "nobody-x")
                .header("HX-Request", "true").with(Pages.as(users, "admin")).with(csrf())).andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(200);
        assertThat(unknown.getResponse().getContentAsString()).contains("没有用户名为“nobody-x”的账号")
                .doesNotContain("<nav");

        // htmx: the panel comes back without the layout, the member gone
        MvcResult removed = mvc.perform(post("/sharing/spaces/" + space + "/members/" + handler + "/remove")
                .header("HX-Request", "true").with(Pages.as(users, "admin")).with(csrf())).andReturn();
        String panel = removed.getResponse().getContentAsString();
        assertThat(panel).startsWith("<div id=\"space-admin\"").contains("已移除成员")
                .doesNotContain("data-testid=\"added-" + handler + "\"").doesNotContain("<nav");
        assertThat(sees("handler2", space)).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'sharing.member.remove' "
                + "AND target_id = :id").param("id", Long.toString(space)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theQuotaIsSetInGigabytesAndAnOverfullSpaceIsShownAsSuch() throws Exception {
        long space = newSpaceWithAFile();
        String url = "/sharing/spaces/" + space + "/admin";
        MvcResult set = mvc.perform(post("/sharing/spaces/" + space + "/quota").param("quotaGb", "0.5")
                .header("HX-Request", "true").with(Pages.as(users, "admin")).with(csrf())).andReturn();
        assertThat(set.getResponse().getContentAsString()).contains("已保存").contains("已用 1000 B / 512 MB")
                .contains("value=\"0.5\"").doesNotContain("data-testid=\"quota-over\"");
        assertThat(quota(space)).isEqualTo(512L * 1024 * 1024);

        for (String bad : new String[] {"-1", "abc", "", "2000000"}) {
            MvcResult r = mvc.perform(post("/sharing/spaces/" + space + "/quota").param("quotaGb", bad)
                    .with(Pages.as(users, "admin")).with(csrf())).andReturn();
            assertThat(r.getFlashMap().get("error")).as(bad).isNotNull();
            assertThat(quota(space)).isEqualTo(512L * 1024 * 1024);
        }

        mvc.perform(post("/sharing/spaces/" + space + "/quota").param("quotaGb", "0")
                .with(Pages.as(users, "admin")).with(csrf())).andReturn();
        assertThat(quota(space)).isZero();
        assertThat(page("admin", url).getResponse().getContentAsString()).contains("data-testid=\"quota-over\"")
                .contains("已用空间超过配额").contains("width:100%");
    }

    @Test
    void onlyTheAdminManagesSpaces() throws Exception {
        long team = Long.parseLong(Fixtures.space(mvc, "team1", "TEAM_SUPERVISOR").get("id").asString());
        assertThat(page("team1", "/sharing/spaces/" + team + "/admin").getResponse().getStatus()).isEqualTo(403);
        assertThat(page("secretary", "/sharing/spaces/" + team + "/admin").getResponse().getStatus()).isEqualTo(403);
        long before = quota(team);
        MvcResult r = mvc.perform(post("/sharing/spaces/" + team + "/quota").param("quotaGb", "1")
                .with(Pages.as(users, "team1")).with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(403);
        assertThat(quota(team)).isEqualTo(before);
        // without the CSRF token even the admin's form is refused
        assertThat(mvc.perform(post("/sharing/spaces/" + team + "/quota").param("quotaGb", "1")
                .with(Pages.as(users, "admin"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(quota(team)).isEqualTo(before);
        assertThat(page("admin", "/sharing/spaces/999999999/admin").getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theAdminCreatesAFurtherSpaceFromThePageAndOthersMayNot() throws Exception {
        String name = Fixtures.unique("新空间", "");
        MvcResult created = mvc.perform(post("/sharing/spaces").with(csrf()).with(Pages.as(users, "admin"))
                .param("name", name)).andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/sharing/spaces/\\d+/admin");
        long id = Long.parseLong(location.replaceAll("\\D", ""));
        assertThat(jdbc.sql("SELECT name FROM sharing_space WHERE id = :id").param("id", id).query(String.class)
                .single()).isEqualTo(name);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sharing_folder WHERE space_id = :id AND kind IN ('DUTY_MATERIALS', 'HIGHLIGHTS', 'EXAM_REVIEW', 'TRAINING_COURSES')")
                .param("id", id).query(Long.class).single()).as("the four standard folders").isEqualTo(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'sharing.space.create' AND target_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
        assertThat(page("admin", "/sharing").getResponse().getContentAsString()).contains("data-testid=\"space-create\"");

        long before = jdbc.sql("SELECT COUNT(*) FROM sharing_space").query(Long.class).single();
        MvcResult blank = mvc.perform(post("/sharing/spaces").with(csrf()).with(Pages.as(users, "admin"))
                .param("name", " ")).andReturn();
        assertThat(blank.getResponse().getRedirectedUrl()).isEqualTo("/sharing");
        assertThat(blank.getFlashMap().get("error")).isNotNull();
        assertThat(mvc.perform(post("/sharing/spaces").with(csrf()).with(Pages.as(users, "team1"))
                .param("name", Fixtures.unique("越权", ""))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sharing_space").query(Long.class).single()).isEqualTo(before);
        assertThat(page("team1", "/sharing").getResponse().getContentAsString())
                .doesNotContain("data-testid=\"space-create\"");
    }
}
