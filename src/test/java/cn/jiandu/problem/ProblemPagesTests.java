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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ProblemPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JianduUserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void reportFormIsPhoneFriendlyAndSubmittingLeadsToTheDetail() throws Exception {
        String form = html(get("/problems/new"), "grid1");
        // one control (no forced capture: the phone offers camera and album), the limits in words, 请选择 first
        assertThat(form).contains("accept=\"image/*\"", "multiple", "data-photo-picker", "服务质量",
                "最多 9 张，每张不超过 10 MB", "/js/problem.js", "id=\"p-geo-consent\"", "data-testid=\"upload-progress\"")
                .doesNotContain("<script>", "capture=");
        assertThat(form.split("type=\"file\"", -1)).as("file inputs").hasSize(2);
        assertThat(form).containsPattern("<select id=\"p-category\"[^>]*>\\s*<option value=\"\"[^>]*>请选择</option>");
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
        // a refused action comes back as the detail page with the message in the action's panel, not an error page
        mvc.perform(post("/problems/" + id + "/actions").with(csrf()).with(Pages.as(users, "handler1"))
                .param("action", "ACCEPT")).andExpect(status().isConflict())
                .andExpect(content().string(containsString("data-testid=\"problem-timeline\"")));
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

    @Test
    void anAdminEditsARuleInThePageAndTheNextReportFollowsTheEditedRule() throws Exception {
        String keyword = unique("kw");
        long market = unitId(mvc, "市场经营部");
        long network = unitId(mvc, "网络部");
        String ruleId = createRule(keyword, market);
        assertThat(submitOk(mvc, "grid1", "规则编辑前 " + keyword, "OTHER", null).get("handlingUnitId").asString())
                .isEqualTo(String.valueOf(market));

        // the list links to the edit form, which shows the rule as it is (a page, or for htmx just the form)
        assertThat(html(get("/problems/rules"), "admin")).contains("/problems/rules/" + ruleId + "/edit");
        String form = html(get("/problems/rules/" + ruleId + "/edit"), "admin");
        assertThat(form).contains("编辑规则：编辑测试 " + keyword, "value=\"" + keyword + "\"", "name=\"_enabled\"")
                .containsPattern("value=\"" + market + "\"\\s+selected").doesNotContain("<script>");
        String fragment = mvc.perform(get("/problems/rules/" + ruleId + "/edit").header("HX-Request", "true")
                        .with(Pages.as(users, "admin"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).contains("data-testid=\"rule-form\"", "hx-post=\"/problems/rules/" + ruleId + "\"")
                .doesNotContain("<nav");

        // saved: back to the list with a notice, and the next report goes where the rule now says
        mvc.perform(ruleEdit(ruleId, "admin", "编辑后 " + keyword, keyword, String.valueOf(network), "7")
                        .param("priority", "-1000").param("enabled", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/problems/rules"))
                .andExpect(flash().attribute("notice", containsString("编辑后 " + keyword)));
        JsonNode rule = rule(ruleId);
        assertThat(rule.get("handlingUnitId").asString()).isEqualTo(String.valueOf(network));
        assertThat(rule.get("deadlineWorkingDays").asInt()).isEqualTo(7);
        assertThat(rule.get("enabled").asBoolean()).isTrue();
        JsonNode after = submitOk(mvc, "grid1", "规则编辑后 " + keyword, "OTHER", null);
        assertThat(after.get("handlingUnitId").asString()).isEqualTo(String.valueOf(network));
        assertThat(html(get("/problems/rules"), "admin")).contains("编辑后 " + keyword);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_entry WHERE action = 'problem.rule.update' AND target_type = 'dispatch_rule'
                  AND target_id = :id AND actor_name = 'admin'""").param("id", ruleId).query(Long.class).single())
                .isEqualTo(1);

        // through htmx: the answer is a notice for the panel and the table is told to reload; unticking "enabled"
        // (only the hidden marker is sent) disables the rule, and reports no longer follow it
        String saved = mvc.perform(ruleEdit(ruleId, "admin", "停用 " + keyword, keyword, String.valueOf(network), "7")
                        .param("priority", "-1000").header("HX-Request", "true"))
                .andExpect(status().isOk()).andExpect(header().string("HX-Trigger", "rules-changed")).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(saved).contains("data-testid=\"rules-notice\"", "停用 " + keyword).doesNotContain("<nav");
        assertThat(rule(ruleId).get("enabled").asBoolean()).isFalse();
        String id = submitOk(mvc, "grid1", "规则停用后 " + keyword, "OTHER", null).get("id").asString();
        assertThat(Api.json(mvc.perform(Api.as(mvc, "admin", get("/api/v1/problems/" + id))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).get("timeline").toString()).doesNotContain(keyword);
    }

    @Test
    void aRefusedRuleEditNamesTheFieldInTheReadersLanguageAndChangesNothing() throws Exception {
        String keyword = unique("kw");
        long market = unitId(mvc, "市场经营部");
        String ruleId = createRule(keyword, market);
        JsonNode before = rule(ruleId);
        String m = String.valueOf(market);

        assertRefused(ruleEdit(ruleId, "admin", "x", keyword, m, "0"), "工作日天数：天数须在 1 到 60 个工作日之间",
                "r-days");
        assertRefused(ruleEdit(ruleId, "admin", "x", keyword, m, "61"), "天数须在 1 到 60 个工作日之间", "r-days");
        assertRefused(ruleEdit(ruleId, "admin", "x", keyword, m, "abc"), "天数须在 1 到 60 个工作日之间", "r-days");
        assertRefused(ruleEdit(ruleId, "admin", "x", keyword, m, "5").param("categoryCode", "NO_SUCH"),
                "问题类别：问题类别不存在", "r-category");
        assertRefused(ruleEdit(ruleId, "admin", "x", keyword, m, "5").param("orgUnitId", "987654321"),
                "涉及单位：单位不存在", "r-org");
        assertRefused(ruleEdit(ruleId, "admin", "x", keyword, "987654321", "5"), "承办单位：单位不存在",
                "r-handling");
        assertRefused(ruleEdit(ruleId, "admin", " ", keyword, m, "5"), "名称：必填", "r-name");
        assertRefused(ruleEdit(ruleId, "admin", "x", keyword, m, "5").param("priority", "1.5"), "优先级须为整数",
                "r-priority");
        // English for a reader who switched the language; htmx gets the form back for the panel
        String english = mvc.perform(ruleEdit(ruleId, "admin", "x", keyword, m, "0")
                        .cookie(new jakarta.servlet.http.Cookie("lang", "en")).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Working days", "Days must be between 1 and 60 working days",
                "data-testid=\"rule-form\"").doesNotContain("<nav");
        // the refused form keeps what the admin typed
        assertThat(mvc.perform(ruleEdit(ruleId, "admin", "改过的名称", keyword, m, "0")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("value=\"改过的名称\"");

        assertThat(rule(ruleId)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'problem.rule.update' AND target_id = :id")
                .param("id", ruleId).query(Long.class).single()).isZero();
        mvc.perform(get("/problems/rules/987654321/edit").with(Pages.as(users, "admin")))
                .andExpect(status().isNotFound());
        mvc.perform(ruleEdit("987654321", "admin", "x", keyword, m, "5")).andExpect(status().isNotFound());
    }

    @Test
    void onlyTheAdminOpensOrSavesTheRuleEditForm() throws Exception {
        String keyword = unique("kw");
        String ruleId = createRule(keyword, unitId(mvc, "市场经营部"));
        JsonNode before = rule(ruleId);
        for (String user : new String[] {"handler1", "secretary", "grid1"}) {
            mvc.perform(get("/problems/rules/" + ruleId + "/edit").with(Pages.as(users, user)))
                    .andExpect(status().isForbidden());
            mvc.perform(ruleEdit(ruleId, user, "越权 " + user, keyword, String.valueOf(unitId(mvc, "网络部")), "9"))
                    .andExpect(status().isForbidden());
        }
        assertThat(rule(ruleId)).isEqualTo(before);
    }

    @Test
    void transferButtonsShowOnlyForWhoMayUseThemAndTheOfficeFindsPendingProposalsInItsQueue() throws Exception {
        String title = unique("页面移交申请");
        String id = submitOk(mvc, "grid1", title, "SERVICE", unitId(mvc, "渠道管理班组")).get("id").asString();
        assertThat(html(get("/problems/" + id), "handler1")).contains("data-action=\"PROPOSE_TRANSFER\"")
                .doesNotContain("data-action=\"TRANSFER_CLUE\"", "data-action=\"REJECT_TRANSFER\"",
                        "data-testid=\"transfer-pending\"");
        assertThat(html(get("/problems/" + id), "admin")).contains("data-action=\"TRANSFER_CLUE\"")
                .doesNotContain("data-action=\"PROPOSE_TRANSFER\"", "data-action=\"REJECT_TRANSFER\"");

        // a proposal without a reason comes back as a message
        mvc.perform(post("/problems/" + id + "/actions").with(csrf()).with(Pages.as(users, "handler1"))
                        .param("action", "PROPOSE_TRANSFER"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("必填")));
        String reason = "涉嫌违规收受礼品 " + title;
        mvc.perform(post("/problems/" + id + "/actions").with(csrf()).with(Pages.as(users, "handler1"))
                        .param("action", "PROPOSE_TRANSFER").param("comment", reason))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/problems/" + id));
        assertThat(html(get("/problems/" + id), "handler1")).contains("data-testid=\"transfer-pending\"", "移交申请待确认",
                "申请移交问题线索", reason).doesNotContain("data-action=\"PROPOSE_TRANSFER\"");
        assertThat(html(get("/problems/" + id), "admin")).contains("data-testid=\"transfer-pending\"",
                "data-action=\"REJECT_TRANSFER\"", "data-action=\"TRANSFER_CLUE\"", reason);
        assertThat(html(get("/problems/" + id), "grid1")).doesNotContain("data-testid=\"transfer-pending\"", reason,
                "申请移交问题线索");
        String queue = html(get("/problems/dispatch"), "admin");
        assertThat(queue).contains("data-testid=\"transfer-proposals\"", title, reason);

        // the office rejects on the page: the proposal leaves the queue, the unit may propose again
        mvc.perform(post("/problems/" + id + "/actions").with(csrf()).with(Pages.as(users, "admin"))
                        .param("action", "REJECT_TRANSFER").param("comment", "请继续办理"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/problems/" + id));
        assertThat(html(get("/problems/dispatch"), "admin")).doesNotContain(title);
        assertThat(html(get("/problems/" + id), "handler1")).contains("data-action=\"PROPOSE_TRANSFER\"", "请继续办理")
                .doesNotContain("data-testid=\"transfer-pending\"");
    }

    private String createRule(String keyword, long unit) throws Exception {
        String body = Api.write(java.util.Map.of("name", "编辑测试 " + keyword, "keywords", keyword,
                "handlingUnitId", String.valueOf(unit), "deadlineWorkingDays", 5, "priority", -1000,
                "enabled", true));
        return Api.json(mvc.perform(Api.as(mvc, "admin", post("/api/v1/dispatch-rules")
                        .contentType(MediaType.APPLICATION_JSON).content(body))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("id").asString();
    }

    private JsonNode rule(String id) throws Exception {
        for (JsonNode r : Api.json(mvc.perform(Api.as(mvc, "admin", get("/api/v1/dispatch-rules")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))) {
            if (id.equals(r.get("id").asString())) {
                return r;
            }
        }
        throw new AssertionError("no rule " + id);
    }

    /** The edit form as the page posts it: the enabled checkbox unticked unless a test adds enabled=true. */
    private MockHttpServletRequestBuilder ruleEdit(String id, String user, String name, String keywords,
            String handlingUnit, String days) {
        return post("/problems/rules/" + id).with(csrf()).with(Pages.as(users, user)).param("name", name)
                .param("keywords", keywords).param("handlingUnitId", handlingUnit)
                .param("deadlineWorkingDays", days).param("_enabled", "on");
    }

    private void assertRefused(MockHttpServletRequestBuilder req, String message, String invalidInput)
            throws Exception {
        String body = mvc.perform(req).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("data-testid=\"rules-error\"", message);
        java.util.regex.Matcher tag = java.util.regex.Pattern.compile("<(input|select)[^>]*id=\"" + invalidInput
                + "\"[^>]*>").matcher(body);
        assertThat(tag.find()).as(invalidInput).isTrue();
        assertThat(tag.group()).as("the field is marked").contains("is-invalid");
        assertThat(body.split("is-invalid", -1)).as("only one field is marked").hasSize(2);
    }

    private String html(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder req, String user)
            throws Exception {
        return mvc.perform(req.with(Pages.as(users, user))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("th:")))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
