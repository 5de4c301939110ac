package cn.jiandu.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.support.Pages;
import cn.jiandu.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class AssessmentPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JianduUserDetailsService users;

    MvcResult page(String user, String url) throws Exception {
        return mvc.perform(get(url).header("Accept-Language", "zh-CN").with(Pages.as(users, user))).andReturn();
    }

    @Test
    void aSupervisorReadsTheSchemesInWordsButCannotEditThem() throws Exception {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        MvcResult r = page("grid1", "/assessment/schemes?year=" + year);
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        String html = r.getResponse().getContentAsString();
        assertThat(html).contains("data-testid=\"scheme-GRID_SUPERVISOR-" + year + "\"").contains("履职情况反馈")
                .contains("加分及扣分").contains("0.6 时 0 分，1 时满分，其间线性").contains("每 1 计 4 分，封顶")
                .contains("优秀比例不超过 20%").doesNotContain("name=\"definition\"");
        assertThat(page("staff1", "/assessment/schemes").getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theAdminSeesEveryBadFieldOfAnEditAndNothingChanges() throws Exception {
        MvcResult r = page("admin", "/assessment/schemes");
        String html = r.getResponse().getContentAsString();
        assertThat(html).contains("name=\"definition\"");
        String id = html.replaceAll("(?s).*?id=\"scheme-(\\d+)\".*", "$1");
        MvcResult saved = mvc.perform(post("/assessment/schemes/" + id).param("definition",
                        "{\"dimensions\":[{\"code\":\"A\",\"name\":\"a\",\"weight\":50,\"indicators\":[{\"code\":\"X\","
                                + "\"name\":\"x\",\"source\":\"RUBRIC\",\"max\":50}]}],"
                                + "\"grades\":{\"excellentFrom\":60,\"qualifiedFrom\":70}}")
                        .header("Accept-Language", "zh-CN").with(Pages.as(users, "admin")).with(csrf()))
                .andReturn();
        String answer = saved.getResponse().getContentAsString();
        assertThat(answer).contains("data-testid=\"scheme-errors\"").contains("dimensions: 各维度权重之和须为 100（现为 50）")
                .contains("grades.qualifiedFrom: 合格分数线须低于优秀分数线");
        assertThat(page("admin", "/assessment/schemes").getResponse().getContentAsString())
                .contains("履职情况反馈");
    }
}
