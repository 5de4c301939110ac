package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * 监督一点通's office work on a 375 px phone: the admin edits a dispatch rule through the htmx panel of the rules page;
 * handler1 proposes transferring a report as a clue, the admin finds the proposal above his 待分办 queue and rejects
 * it. Screenshots: {@code target/screenshots/problem-admin-375-*.png}.
 */
@IntegrationTest
class ProblemAdminBrowserTests {

    static final int WIDTH = 375;

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Test
    void adminEditsARuleAndDecidesATransferProposalOnAPhone() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String ruleId = createRule("kw" + tag, unitId("市场经营部"));
        String title = "渠道酬金疑似虚报 " + tag;
        String problemId = submit(title);

        WebDriver browser = Browsers.start(WIDTH);
        try {
            WebDriverWait wait = Browsers.waitFor(browser);
            signIn(browser, "admin");

            // the rules page: 编辑 opens the form in the panel above the table
            browser.get(url("/problems/rules"));
            WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("tr[data-rule='" + ruleId + "']")));
            Browsers.click(browser, row.findElement(By.cssSelector("[data-testid=rule-edit]")));
            WebElement days = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("r-days")));
            assertThat(browser.getCurrentUrl()).as("htmx, no page change").endsWith("/problems/rules");
            Browsers.assertNoHorizontalScroll(browser, WIDTH);
            shot(browser, "01-rule-edit");
            days.clear();
            days.sendKeys("8");
            new Select(browser.findElement(By.id("r-handling"))).getOptions().stream()
                    .filter(o -> o.getText().strip().equals("网络部")).findFirst().orElseThrow().click();
            Browsers.click(browser, browser.findElement(By.cssSelector("[data-testid=rule-save]")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=rules-notice]")));
            // the table reloads itself with the saved rule
            wait.until(d -> d.findElement(By.cssSelector("tr[data-rule='" + ruleId + "']")).getText()
                    .contains("网络部"));
            assertThat(browser.findElement(By.cssSelector("tr[data-rule='" + ruleId + "']")).getText()).contains("8");
            Browsers.assertNoHorizontalScroll(browser, WIDTH);
            shot(browser, "02-rule-saved");
            JsonNode rule = rule(ruleId);
            assertThat(rule.get("deadlineWorkingDays").asInt()).isEqualTo(8);
            assertThat(rule.get("handlingUnitId").asString()).isEqualTo(unitId("网络部"));

            // handler1 proposes transferring the report as a clue
            switchUser(browser, "handler1");
            browser.get(url("/problems/" + problemId));
            String reason = "约谈中发现涉嫌虚报 " + tag;
            act(browser, "PROPOSE_TRANSFER", reason);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=transfer-pending]")));
            assertThat(browser.findElements(By.cssSelector("details[data-action=PROPOSE_TRANSFER]"))).isEmpty();
            Browsers.assertNoHorizontalScroll(browser, WIDTH);
            shot(browser, "03-proposed");

            // the admin finds it above his 待分办 queue and rejects it
            switchUser(browser, "admin");
            browser.get(url("/problems/dispatch"));
            WebElement proposal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                    "[data-testid=transfer-proposals] a[href='/problems/" + problemId + "']")));
            assertThat(proposal.getText()).contains(title, reason, "市场经营部");
            Browsers.assertNoHorizontalScroll(browser, WIDTH);
            shot(browser, "04-dispatch-queue");
            Browsers.click(browser, proposal);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("details[data-action=REJECT_TRANSFER]")));
            Browsers.assertNoHorizontalScroll(browser, WIDTH);
            shot(browser, "05-admin-detail");
            act(browser, "REJECT_TRANSFER", "属一般服务问题，请继续办理");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=problem-notice]")));
            assertThat(browser.findElements(By.cssSelector("[data-testid=transfer-pending]"))).isEmpty();
            assertThat(browser.findElement(By.cssSelector("[data-testid=problem-timeline]")).getText())
                    .contains("申请移交问题线索", "驳回移交申请", reason);
            shot(browser, "06-rejected");
        } finally {
            browser.quit();
        }
    }

    private static void act(WebDriver browser, String action, String comment) {
        WebElement panel = browser.findElement(By.cssSelector("details[data-action=" + action + "]"));
        Browsers.click(browser, panel.findElement(By.tagName("summary")));
        panel.findElement(By.name("comment")).sendKeys(comment);
        Browsers.click(browser, panel.findElement(By.cssSelector("button[type=submit]")));
    }

    private void signIn(WebDriver browser, String username) {
        browser.get(url("/login"));
        Browsers.signIn(browser, username, Api.DEMO_PASSWORD);
        Browsers.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=home-title]")));
    }

    private void switchUser(WebDriver browser, String username) {
        browser.manage().deleteAllCookies();
        signIn(browser, username);
    }

    private String createRule(String keyword, String unit) throws Exception {
        String body = Api.write(Map.of("name", "浏览器规则 " + keyword, "keywords", keyword, "handlingUnitId", unit,
                "deadlineWorkingDays", 5, "priority", -1000, "enabled", true));
        return Api.json(mvc.perform(Api.as(mvc, "admin", post("/api/v1/dispatch-rules")
                        .contentType(MediaType.APPLICATION_JSON).content(body))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).get("id").asString();
    }

    private JsonNode rule(String id) throws Exception {
        for (JsonNode r : Api.json(mvc.perform(Api.as(mvc, "admin", get("/api/v1/dispatch-rules"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8))) {
            if (id.equals(r.get("id").asString())) {
                return r;
            }
        }
        throw new AssertionError("no rule " + id);
    }

    /** A report about 渠道管理班组, which the demo rule for 服务质量 dispatches to 市场经营部 (handler1). */
    private String submit(String title) throws Exception {
        String json = Api.write(Map.of("title", title, "description", "描述：" + title, "categoryCode", "SERVICE",
                "orgUnitId", unitId("渠道管理班组")));
        MockMultipartFile part = new MockMultipartFile("problem", "", MediaType.APPLICATION_JSON_VALUE,
                json.getBytes(StandardCharsets.UTF_8));
        JsonNode created = Api.json(mvc.perform(multipart("/api/v1/problems").file(part)
                        .header("Authorization", "Bearer " + Api.token(mvc, "grid1"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(created.get("handlingUnitId").asString()).isEqualTo(unitId("市场经营部"));
        return created.get("id").asString();
    }

    private String unitId(String name) throws Exception {
        return String.valueOf(Api.orgUnitId(mvc, name));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void shot(WebDriver browser, String step) throws Exception {
        Browsers.shot(browser, "problem-admin-" + WIDTH + "-" + step);
    }
}
