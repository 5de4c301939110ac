package cn.jiandu.problem;

import static cn.jiandu.problem.ProblemFixtures.act;
import static cn.jiandu.problem.ProblemFixtures.photo;
import static cn.jiandu.problem.ProblemFixtures.submitOk;
import static cn.jiandu.problem.ProblemFixtures.unique;
import static cn.jiandu.problem.ProblemFixtures.unitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class ProblemPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JianduUserDetailsService users;

    @Test
    void reportFormIsPhoneFriendlyAndSubmittingLeadsToTheDetail() throws Exception {
        String form = html(get("/problems/new"), "grid1");
        assertThat(form).contains("accept=\"image/*\"", "multiple", "capture=\"environment\"", "服务质量",
                "/js/problem.js").doesNotContain("<script>");
        long own = unitId(mvc, "廉州网格");
        assertThat(form).containsPattern("value=\"" + own + "\"\\s+selected");

        String title = unique("页面随手拍");
        MvcResult result = mvc.perform(multipart("/problems").file(photo("x.jpg")).with(csrf())
                        .with(Pages.as(users, "grid1")).param("title", title).param("description", "页面提交的问题")
                        .param("categoryCode", "SERVICE").param("orgUnitId", String.valueOf(own)))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).matches("/problems/\\d+");
        String detail = html(get(location), "grid1");
        assertThat(detail).contains(title, "反映人", "data-action=\"WITHDRAW\"").doesNotContain("data-action=\"ACCEPT\"");
        assertThat(html(get("/problems/mine"), "grid1")).contains(title);
    }

    @Test
    void badReportReShowsTheFormWithTheFieldNamed() throws Exception {
        mvc.perform(multipart("/problems").with(csrf()).with(Pages.as(users, "grid1")).param("title", "")
                        .param("description", "d").param("categoryCode", "SERVICE"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-testid=\"problem-error\"")))
                .andExpect(content().string(containsString("标题")));
    }

    @Test
    void handlerSeesOnlyAllowedButtonsNeverTheReporterAndCanAccept() throws Exception {
        String title = unique("页面承办");
        String id = submitOk(mvc, "grid1", title, "SERVICE", unitId(mvc, "渠道管理班组")).get("id").asString();
        String detail = html(get("/problems/" + id), "handler1");
        assertThat(detail).contains("data-action=\"ACCEPT\"", "data-action=\"RETURN\"")
                .doesNotContain("data-action=\"WITHDRAW\"", "data-action=\"DISPATCH\"", "吴海涛", "grid1");
        assertThat(html(get("/problems/queue?tab=DISPATCHED"), "handler1")).contains(title);
        mvc.perform(post("/problems/" + id + "/actions").with(csrf()).with(Pages.as(users, "handler1"))
                .param("action", "ACCEPT")).andExpect(status().is3xxRedirection());
        assertThat(html(get("/problems/" + id), "handler1")).contains("办理中", "data-action=\"REPLY\"");
        mvc.perform(get("/problems/" + id).with(Pages.as(users, "handler3"))).andExpect(status().isNotFound());
        // a refused action comes back as a message, not an error page
        mvc.perform(post("/problems/" + id + "/actions").with(csrf()).with(Pages.as(users, "handler1"))
                .param("action", "ACCEPT")).andExpect(status().is3xxRedirection());
    }

    @Test
    void queueLoadsMoreRowsAsAnHtmxFragment() throws Exception {
        String full = html(get("/problems/ledger"), "admin");
        assertThat(full).contains("<nav", "hx-get=");
        String next = full.replaceAll("(?s).*hx-get=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        String fragment = mvc.perform(get(next).header("HX-Request", "true").with(Pages.as(users, "admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).doesNotContain("<nav").contains("list-group-item");
    }

    @Test
    void ledgerFiltersAndExportsForTheOfficeOnly() throws Exception {
        String title = unique("台账页面");
        submitOk(mvc, "grid2", title, "SAFETY", null);
        assertThat(html(get("/problems/ledger?q=" + title), "admin")).contains(title);
        byte[] xlsx = mvc.perform(get("/problems/ledger/export.xlsx?q=" + title).with(Pages.as(users, "admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo(title);
        }
        mvc.perform(get("/problems/ledger").with(Pages.as(users, "grid1"))).andExpect(status().isForbidden());
    }

    @Test
    void dashboardShowsCardsAndServesChartDataWithoutInlineScript() throws Exception {
        String page = html(get("/problems/dashboard?from=2025-01-01&to=2025-12-31"), "admin");
        assertThat(page).containsPattern("/webjars/echarts/[0-9.]*/?dist/echarts.min.js").contains("/js/problem.js", "data-url=")
                .containsPattern("data-testid=\"stat-reported\">67<").doesNotContain("<script>");
        mvc.perform(get("/problems/dashboard/data?from=2025-01-01&to=2025-12-31").with(Pages.as(users, "admin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("\"byMonth\"")));
        mvc.perform(get("/webjars/echarts/dist/echarts.min.js")).andExpect(status().isOk());
        mvc.perform(get("/problems/dashboard").with(Pages.as(users, "grid1"))).andExpect(status().isForbidden());
    }

    @Test
    void rulesPageForTheAdminOnlyAndDispatchQueue() throws Exception {
        assertThat(html(get("/problems/rules"), "admin")).contains("安全生产 → 网络部");
        mvc.perform(get("/problems/rules").with(Pages.as(users, "handler1"))).andExpect(status().isForbidden());
        String code = "P" + unique("c").replace("-", "_");
        mvc.perform(post("/problems/categories").with(csrf()).with(Pages.as(users, "admin")).param("code", code)
                .param("name", "页面类别")).andExpect(status().is3xxRedirection());
        assertThat(html(get("/problems/rules"), "admin")).contains("页面类别 (" + code + ")");
        mvc.perform(post("/problems/categories").with(csrf()).with(Pages.as(users, "grid1")).param("code", code + "x")
                .param("name", "越权")).andExpect(status().isForbidden());
        String title = unique("待分办页面");
        submitOk(mvc, "grid1", title, "DISCIPLINE", unitId(mvc, "财务部"));
        assertThat(html(get("/problems/dispatch"), "admin")).contains(title);
        assertThat(html(get("/"), "grid1")).contains("随手拍", "我的反映").doesNotContain("/problems/dispatch");
        assertThat(html(get("/"), "handler1")).contains("/problems/queue");
    }

    @Test
    void withdrawByReporterThroughThePage() throws Exception {
        String id = submitOk(mvc, "grid1", unique("撤回页面"), "SERVICE", null).get("id").asString();
        mvc.perform(post("/problems/" + id + "/actions").with(csrf()).with(Pages.as(users, "grid1"))
                .param("action", "WITHDRAW")).andExpect(status().is3xxRedirection());
        assertThat(html(get("/problems/" + id), "grid1")).contains("已撤回")
                .doesNotContain("data-action=\"WITHDRAW\"");
        act(mvc, "grid1", id, "WITHDRAW").andExpect(status().isConflict());
    }

    private String html(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder req, String user)
            throws Exception {
        return mvc.perform(req.with(Pages.as(users, user))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("th:")))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
