package cn.jiandu.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The selection pages render for the people who use them and show the demo's queues, register and coverage. */
@IntegrationTest
class SelectionPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JianduUserDetailsService users;
    @Autowired JdbcClient jdbc;

    private String page(String user, String url) throws Exception {
        return mvc.perform(get(url).with(Pages.as(users, user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void eachOfficeSeesItsQueueWithTheDemosWaitingNominations() throws Exception {
        assertThat(page("hr_reviewer", "/nominations")).contains("待我办理", "范丽君", "第4步");
        assertThat(page("secretary", "/nominations")).contains("花建平", "选拔结果批复");
        assertThat(page("bs_net", "/nominations")).contains("郎晓静");
        assertThat(page("bs_tsg", "/nominations")).contains("俞海军");
        assertThat(page("admin", "/nominations?tab=all&status=REJECTED")).contains("凤小兰");
        assertThat(page("bs_market", "/nominations/new")).contains("民主推荐", "营销策划班组");
    }

    @Test
    void aNominationPageShowsTheChainTheCriteriaAndTheActions() throws Exception {
        long id = jdbc.sql("SELECT n.id FROM nomination n JOIN app_user u ON u.id = n.candidate_id"
                + " WHERE u.username = 'staff2'").query(Long.class).single();
        String html = page("hr_reviewer", "/nominations/" + id);
        assertThat(html).contains("人力资源部履历审核", "资格条件", "人员关", "长期驻点客户服务班组", "data-testid=\"approve\"");
        assertThat(page("admin", "/nominations/" + id)).doesNotContain("data-testid=\"approve\"");
        mvc.perform(get("/nominations/" + id).with(Pages.as(users, "staff1"))).andExpect(status().isNotFound());
    }

    @Test
    void theRegisterAndTheCoverageRender() throws Exception {
        assertThat(page("admin", "/appointments")).contains("监督员名册", "JDPR-");
        assertThat(page("admin", "/appointments?expiringWithinDays=60")).contains("刘秀英", "即将到期");
        assertThat(page("team1", "/appointments")).contains("我的聘任", "黄伟").doesNotContain("周丽娟");
        assertThat(page("admin", "/appointments/coverage")).contains("覆盖情况", "综合部党支部", "空缺");
        long a = jdbc.sql("SELECT a.id FROM appointment a JOIN app_user u ON u.id = a.user_id"
                + " WHERE u.username = 'team2'").query(Long.class).single();
        assertThat(page("admin", "/appointments/" + a)).contains("周丽娟", "免职/解聘");
        mvc.perform(get("/appointments/coverage").with(Pages.as(users, "team1"))).andExpect(status().isForbidden());
        mvc.perform(post("/appointments/" + a + "/end").with(Pages.as(users, "secretary")).with(csrf())
                .param("reason", "x")).andExpect(status().isForbidden());
    }
}
