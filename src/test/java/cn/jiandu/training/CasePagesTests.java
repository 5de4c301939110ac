package cn.jiandu.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The case pages in Chinese and English: the library with the demo cases, submit, return and resubmit, review. */
@IntegrationTest
class CasePagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JianduUserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    String tag = CaseFixtures.tag();

    MockHttpServletResponse page(String who, String url, String lang) throws Exception {
        // pages follow the language switch (cookie lang), not the browser's Accept-Language
        return mvc.perform(get(url).with(Pages.as(users, who)).cookie(new jakarta.servlet.http.Cookie("lang", lang)))
                .andReturn().getResponse();
    }

    @Test
    void theLibraryListsTheDemoCasesOfTheLastTwoQuartersInBothLanguages() throws Exception {
        MockHttpServletResponse zh = page("grid2", "/cases", "zh-CN");
        assertThat(zh.getStatus()).isEqualTo(200);
        String html = zh.getContentAsString();
        assertThat(html).contains("案例库", "代理商捆绑销售专项监督", "投诉回访不及时的监督", "警示教育", "报送优秀案例");
        // not published yet: not in the library
        assertThat(html).doesNotContain("营销策划班组廉洁提醒");
        String en = page("grid2", "/cases", "en").getContentAsString();
        assertThat(en).contains("Case library", "Excellent case", "Submit an excellent case");
        String warning = page("grid2", "/cases?kind=WARNING_EDUCATION", "zh-CN").getContentAsString();
        assertThat(warning).contains("警示教育案例：安全生产").doesNotContain("代理商捆绑销售专项监督");
        assertThat(page("grid2", "/cases?q=" + "回访", "zh-CN").getContentAsString())
                .contains("投诉回访不及时的监督").doesNotContain("班组考勤脱岗问题");
        // the submit form is a supervisor's; an employee gets 403
        assertThat(page("grid1", "/cases/new", "zh-CN").getContentAsString()).contains("name=\"finding\"",
                "enctype=\"multipart/form-data\"");
        assertThat(page("staff1", "/cases/new", "zh-CN").getStatus()).isEqualTo(403);
        assertThat(page("grid1", "/cases/review", "zh-CN").getStatus()).isEqualTo(403);
        assertThat(page("admin", "/cases/review", "en").getContentAsString())
                .contains("Case review", "营销策划班组廉洁提醒", "Warning-education case from a closed report");
        assertThat(page("admin", "/cases/meetings", "zh-CN").getContentAsString())
                .contains("季度工作交流沟通会", "北海分公司三楼会议室", "安排交流会");
    }

    @Test
    void aSupervisorSubmitsOnThePageTheOfficeReturnsItAndHeResubmits() throws Exception {
        String title = "页面报送 " + tag;
        MockMultipartFile evidence = new MockMultipartFile("files", "记录.txt", "text/plain",
                "走访记录".getBytes(StandardCharsets.UTF_8));
        // a refused form comes back with what was typed and 400
        MockHttpServletResponse bad = mvc.perform(multipart("/cases").file(evidence).with(Pages.as(users, "grid1"))
                .with(csrf()).param("title", title).param("background", "背景").param("finding", "")
                .param("handling", "处理").param("effect", "成效")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains(title, "此项必填");
        MockHttpServletResponse ok = mvc.perform(multipart("/cases").file(evidence).with(Pages.as(users, "grid1"))
                .with(csrf()).param("title", title).param("background", "背景").param("finding", "发现")
                .param("handling", "处理").param("effect", "成效")).andReturn().getResponse();
        assertThat(ok.getStatus()).isEqualTo(302);
        String id = jdbc.sql("SELECT id FROM training_case WHERE title = :t").param("t", title).query(String.class)
                .single();
        assertThat(ok.getRedirectedUrl()).isEqualTo("/cases/" + id);

        assertThat(page("grid2", "/cases/" + id, "zh-CN").getStatus()).isEqualTo(404);
        MockHttpServletResponse noComment = mvc.perform(post("/cases/" + id + "/actions")
                .with(Pages.as(users, "admin")).with(csrf()).param("action", "RETURN")).andReturn().getResponse();
        assertThat(noComment.getStatus()).isEqualTo(400);
        assertThat(noComment.getContentAsString()).contains("退回修改时请填写审核意见");
        mvc.perform(post("/cases/" + id + "/actions").with(Pages.as(users, "admin")).with(csrf())
                .param("action", "RETURN").param("comment", "请补充数据 " + tag));
        String returned = page("grid1", "/cases/" + id, "en").getContentAsString();
        assertThat(returned).contains("Returned for changes", "请补充数据 " + tag, "Resubmit with changes", "记录.txt");

        MockHttpServletResponse again = mvc.perform(multipart("/cases/" + id + "/edit")
                .file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0]))
                .with(Pages.as(users, "grid1")).with(csrf()).param("title", title).param("background", "背景")
                .param("finding", "发现").param("handling", "处理").param("effect", "退费 5 笔")).andReturn()
                .getResponse();
        assertThat(again.getStatus()).isEqualTo(302);
        assertThat(page("grid1", "/cases/" + id, "zh-CN").getContentAsString()).contains("待审核", "退费 5 笔");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM training_case_file WHERE case_id = :c").param("c", Long.parseLong(id))
                .query(Long.class).single()).isEqualTo(1);
    }
}
