package cn.jiandu.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class SharingPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JianduUserDetailsService users;

    private String page(String user, String url) throws Exception {
        MvcResult r = mvc.perform(get(url).with(Pages.as(users, user))).andReturn();
        assertThat(r.getResponse().getStatus()).as(url).isEqualTo(200);
        return r.getResponse().getContentAsString();
    }

    @Test
    void spacesPageShowsOnlyTheCallersSpacesWithTheirFolders() throws Exception {
        String html = page("team1", "/sharing");
        assertThat(html).contains("data-testid=\"space-TEAM_SUPERVISOR\"").contains("工作亮点").contains("业务培训课")
                .doesNotContain("space-GRID_SUPERVISOR").contains("<nav").contains("共享平台");
        assertThat(page("admin", "/sharing")).contains("space-GRID_SUPERVISOR").contains("publish-link");
    }

    @Test
    void aSearchWithoutHitsSaysSoInsteadOfCallingTheFolderEmpty() throws Exception {
        long folder = Fixtures.folder(mvc, "team1", "TEAM_SUPERVISOR", "HIGHLIGHTS");
        Fixtures.uploaded(mvc, "team1", folder, Fixtures.unique("有文件", ".pdf"), Fixtures.pdf("p"));
        String html = new String(mvc.perform(get("/sharing/folders/" + folder).param("q", "无此名称zz9")
                .with(Pages.as(users, "team1"))).andReturn().getResponse().getContentAsByteArray(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("data-testid=\"listing-empty\"", "没有名称包含“无此名称zz9”")
                .doesNotContain("此文件夹为空");
    }

    @Test
    void deleteButtonOnlyWhereAllowedActionsSaySo() throws Exception {
        long folder = Fixtures.folder(mvc, "team1", "TEAM_SUPERVISOR", "HIGHLIGHTS");
        String name = Fixtures.unique("亮点", ".pdf");
        long id = Fixtures.uploaded(mvc, "team1", folder, name, Fixtures.pdf("p"));
        String url = "/sharing/folders/" + folder + "?q=" + name;
        String owner = page("team1", url);
        assertThat(owner).contains("data-testid=\"file-" + name + "\"").contains("data-testid=\"delete-" + id + "\"")
                .contains("data-testid=\"rename-" + id + "\"").contains("data-testid=\"download-" + id + "\"");
        String other = page("team2", url);
        assertThat(other).contains("data-testid=\"file-" + name + "\"")
                .doesNotContain("data-testid=\"delete-" + id + "\"").doesNotContain("data-testid=\"rename-" + id + "\"")
                .doesNotContain("data-testid=\"move-" + id + "\"").contains("data-testid=\"download-" + id + "\"");
        assertThat(mvc.perform(get("/sharing/folders/" + folder).with(Pages.as(users, "grid1"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        // the form post is refused on the server too, and the file stays
        mvc.perform(post("/sharing/files/" + id + "/delete").with(Pages.as(users, "team2")).with(csrf())).andReturn();
        assertThat(mvc.perform(Api.as(mvc, "team1", get("/api/v1/files/{id}", id))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }

    @Test
    void htmxSearchReturnsOnlyTheListing() throws Exception {
        long folder = Fixtures.folder(mvc, "team1", "TEAM_SUPERVISOR", "EXAM_REVIEW");
        String name = Fixtures.unique("搜索", ".txt");
        Fixtures.uploaded(mvc, "team1", folder, name, Fixtures.text(20));
        MvcResult r = mvc.perform(get("/sharing/folders/" + folder).param("q", name).header("HX-Request", "true")
                .with(Pages.as(users, "team2"))).andReturn();
        assertThat(r.getResponse().getContentAsString()).contains("id=\"listing\"").contains(name)
                .doesNotContain("<nav");
    }

    @Test
    void uploadThroughTheFormThenDownloadAndPreview() throws Exception {
        long folder = Fixtures.folder(mvc, "grid1", "GRID_SUPERVISOR", "HIGHLIGHTS");
        String name = Fixtures.unique("照片", ".png");
        byte[] png = Fixtures.png();
        MvcResult r = mvc.perform(multipart("/sharing/folders/" + folder + "/files")
                .file(new MockMultipartFile("file", name, "image/png", png)).with(Pages.as(users, "grid1"))
                .with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        String html = page("grid2", "/sharing/folders/" + folder + "?q=" + name);
        assertThat(html).contains(name).contains("preview-");
        String id = html.replaceAll("(?s).*data-testid=\"download-(\\d+)\".*", "$1");
        String filePage = page("grid2", "/sharing/files/" + id);
        assertThat(filePage).contains("<img").contains("/sharing/files/" + id + "/content?inline=true")
                .doesNotContain("file-history");
        assertThat(page("admin", "/sharing/files/" + id)).contains("data-testid=\"file-history\"")
                .contains("targetId=" + id);
        MvcResult content = mvc.perform(get("/sharing/files/" + id + "/content").param("inline", "true")
                .with(Pages.as(users, "grid2"))).andReturn();
        assertThat(content.getResponse().getContentAsByteArray()).isEqualTo(png);
        assertThat(content.getResponse().getHeader("Content-Disposition")).startsWith("inline;");
    }

    @Test
    void binPageRestores() throws Exception {
        long folder = Fixtures.folder(mvc, "inspector1", "BRANCH_INSPECTOR", "HIGHLIGHTS");
        String name = Fixtures.unique("误删", ".pdf");
        long id = Fixtures.uploaded(mvc, "inspector1", folder, name, Fixtures.pdf("x"));
        mvc.perform(post("/sharing/files/" + id + "/delete").with(Pages.as(users, "inspector1")).with(csrf()));
        assertThat(page("inspector1", "/sharing/bin")).contains("binned-" + name).contains("restore-" + id);
        mvc.perform(post("/sharing/bin/" + id + "/restore").with(Pages.as(users, "inspector1")).with(csrf()));
        assertThat(page("inspector1", "/sharing/bin")).doesNotContain("binned-" + name);
        assertThat(page("inspector1", "/sharing/folders/" + folder + "?q=" + name)).contains("file-" + name);
    }

    @Test
    void adminPagesAreForTheAdmin() throws Exception {
        assertThat(page("admin", "/sharing/publish")).contains("publish-form").contains("业务培训课");
        assertThat(page("admin", "/sharing/duty")).contains("duty-create");
        assertThat(mvc.perform(get("/sharing/publish").with(Pages.as(users, "team1"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/sharing/duty").with(Pages.as(users, "team1"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }
}
