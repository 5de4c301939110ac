package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.jiandu.shared.time.ClockConfig;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * 监督一点通's whole loop in a real browser on a 375 px phone screen: grid1 reports with 随手拍 (a real JPEG attached
 * through the file input), the demo rule for 服务质量 in 市场经营部's subtree dispatches it to 市场经营部, its handler
 * handler1 finds it in his queue, accepts (受理) and replies (办结), grid1 rates it 满意, and the admin's 数据看板 counts
 * it. Screenshots of every step: {@code target/screenshots/problem-375-*.png}.
 */
@IntegrationTest
class ProblemJourneyBrowserTests {

    static final int WIDTH = 375;
    static final Pattern NUMBER = Pattern.compile("JD-\\d{4}-\\d{6}");

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Test
    void gridSupervisorReportsHandlerRepliesReporterRatesAndTheDashboardCountsIt() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String title = "营业厅叫号机故障 " + tag;
        LocalDate today = LocalDate.now(ClockConfig.ZONE);
        LocalDate from = today.withDayOfYear(1);
        JsonNode before = stats(from, today);
        Path photo = jpeg(tag);

        WebDriver browser = Browsers.start(WIDTH);
        try {
            WebDriverWait wait = Browsers.waitFor(browser);

            // grid1 signs in on his phone and opens 随手拍 from his home page
            browser.get(url("/login"));
            assertThat(Browsers.viewportWidth(browser)).as("viewport width").isEqualTo(WIDTH);
            shot(browser, "01-login");
            Browsers.signIn(browser, "grid1", Api.DEMO_PASSWORD);
            Browsers.click(browser, wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("main a[href='/problems/new']"))));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("p-photos")));
            shot(browser, "02-report-form");

            // attaches a photo, picks category and the unit concerned, says what and where
            browser.findElement(By.id("p-photos")).sendKeys(photo.toAbsolutePath().toString());
            new Select(browser.findElement(By.id("p-category"))).selectByVisibleText("服务质量");
            Select unit = new Select(browser.findElement(By.id("p-unit")));
            unit.getOptions().stream().filter(o -> o.getText().strip().equals("渠道管理班组")).findFirst()
                    .orElseThrow().click();
            browser.findElement(By.id("p-title")).sendKeys(title);
            browser.findElement(By.id("p-description")).sendKeys("营业厅叫号机已坏三天，客户只能站着排队，无人维修。");
            browser.findElement(By.id("p-location")).sendKeys("北海市海城区北部湾中路营业厅");
            Browsers.assertNoHorizontalScroll(browser, WIDTH);
            shot(browser, "03-report-filled");
            Browsers.click(browser, browser.findElement(By.cssSelector("[data-testid=problem-submit]")));

            // ... and gets his number; the demo rule dispatched it to 市场经营部 at once
            WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=problem-notice]")));
            Matcher m = NUMBER.matcher(notice.getText());
            assertThat(m.find()).as("number in '%s'", notice.getText()).isTrue();
            String number = m.group();
            assertThat(number).startsWith("JD-" + today.getYear() + "-");
            assertThat(status(browser)).isEqualTo("待受理");
            String main = browser.findElement(By.tagName("main")).getText();
            assertThat(main).contains(title, number, "市场经营部");
            WebElement thumb = browser.findElement(By.cssSelector("main img[src*='/photos/']"));
            wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", thumb));
            String problemId = browser.findElement(By.cssSelector("section[data-problem]")).getDomAttribute("data-problem");
            JsonNode submitted = problem("admin", problemId);
            assertThat(submitted.get("number").asString()).isEqualTo(number);
            assertThat(submitted.get("handlingUnitId").asString()).isEqualTo(unitId("市场经营部"));
            assertThat(submitted.get("photos").size()).isEqualTo(1);
            Browsers.assertNoHorizontalScroll(browser, WIDTH);
            shot(browser, "04-submitted");

            // handler1 (市场经营部) finds it in his 待受理 queue
            switchUser(browser, "handler1");
            Browsers.click(browser, wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("main a[href='/problems/queue']"))));
            WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#problem-rows a[data-number='" + number + "']")));
            assertThat(row.getText()).contains(title, "待受理");
            Browsers.assertNoHorizontalScroll(browser, WIDTH);
            shot(browser, "05-handler-queue");
            Browsers.click(browser, row);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-action=ACCEPT]")));
            assertThat(browser.findElement(By.tagName("main")).getText())
                    .as("the handling unit never sees who reported").doesNotContain("吴海涛", "grid1");
            shot(browser, "06-handler-detail");

            // accepts (受理) ...
            act(browser, "ACCEPT", null);
            wait.until(d -> status(d).equals("办理中"));
            assertThat(browser.findElement(By.cssSelector("[data-testid=problem-notice]")).getText()).contains("受理");
            shot(browser, "07-accepted");

            // ... and replies (办结) with what was done
            String reply = "已更换叫号机并增开窗口，" + tag;
            act(browser, "REPLY", reply);
            wait.until(d -> status(d).equals("待评价"));
            assertThat(browser.findElement(By.cssSelector("[data-testid=problem-timeline]")).getText())
                    .contains("受理", "办结", reply, "张晓峰");
            Browsers.assertNoHorizontalScroll(browser, WIDTH);
            shot(browser, "08-replied");

            // grid1 finds it under 我的反映 and rates it 满意
            switchUser(browser, "grid1");
            Browsers.click(browser, wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("main a[href='/problems/mine']"))));
            WebElement mine = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#problem-rows a[data-number='" + number + "']")));
            assertThat(mine.getText()).contains("待评价");
            shot(browser, "09-mine");
            Browsers.click(browser, mine);
            WebElement rate = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=problem-rate]")));
            assertThat(browser.findElement(By.cssSelector("[data-testid=problem-timeline]")).getText()).contains(reply);
            Browsers.click(browser, rate.findElement(By.cssSelector("label[for='rate-SATISFIED']")));
            rate.findElement(By.name("comment")).sendKeys("整改及时，很满意");
            Browsers.assertNoHorizontalScroll(browser, WIDTH);
            shot(browser, "10-rating");
            Browsers.click(browser, rate.findElement(By.cssSelector("button[type=submit]")));
            wait.until(d -> status(d).equals("已办结"));
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("满意", "整改及时，很满意");
            assertThat(browser.findElements(By.cssSelector("[data-testid=problem-rate]"))).as("rated once").isEmpty();
            JsonNode closed = problem("admin", problemId);
            assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
            assertThat(closed.get("closeReason").asString()).isEqualTo("RATED");
            shot(browser, "11-rated");

            // the admin's dashboard counts it: one more reported and one more resolved than before
            switchUser(browser, "admin");
            Browsers.click(browser, wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("main a[href='/problems/dashboard']"))));
            WebElement reported = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=stat-reported]")));
            assertThat(browser.findElement(By.cssSelector("input[name=from]")).getDomProperty("value"))
                    .isEqualTo(from.toString());
            assertThat(browser.findElement(By.cssSelector("input[name=to]")).getDomProperty("value"))
                    .isEqualTo(today.toString());
            assertThat(Long.parseLong(reported.getText()))
                    .as("reported on the dashboard vs %s before", before.get("reported"))
                    .isEqualTo(before.get("reported").asLong() + 1);
            assertThat(Long.parseLong(browser.findElement(By.cssSelector("[data-testid=stat-resolved]")).getText()))
                    .as("resolved on the dashboard vs %s before", before.get("resolved"))
                    .isEqualTo(before.get("resolved").asLong() + 1);
            JsonNode after = stats(from, today);
            assertThat(after.get("reported").asLong()).isEqualTo(before.get("reported").asLong() + 1);
            assertThat(serviceCount(after)).isEqualTo(serviceCount(before) + 1);
            // the charts are drawn (ECharts puts a canvas into each container)
            wait.until(d -> d.findElements(By.cssSelector("#chart-month canvas, #chart-category canvas, #chart-unit canvas"))
                    .size() == 3);
            Browsers.assertNoHorizontalScroll(browser, WIDTH);
            shot(browser, "12-dashboard");
        } finally {
            browser.quit();
            Files.deleteIfExists(photo);
        }
    }

    /** Opens the action's panel on the detail page, fills the comment if any, and submits it. */
    private static void act(WebDriver browser, String action, String comment) {
        WebElement panel = browser.findElement(By.cssSelector("details[data-action=" + action + "]"));
        Browsers.click(browser, panel.findElement(By.tagName("summary")));
        if (comment != null) {
            panel.findElement(By.name("comment")).sendKeys(comment);
        }
        Browsers.click(browser, panel.findElement(By.cssSelector("button[type=submit]")));
    }

    private static String status(WebDriver browser) {
        return browser.findElement(By.cssSelector("[data-testid=problem-status]")).getText().strip();
    }

    private void switchUser(WebDriver browser, String username) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        Browsers.signIn(browser, username, Api.DEMO_PASSWORD);
        Browsers.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=home-title]")));
    }

    private JsonNode stats(LocalDate from, LocalDate to) throws Exception {
        return Api.json(mvc.perform(Api.as(mvc, "admin", get("/api/v1/problems/stats")
                        .param("from", from.toString()).param("to", to.toString())))
                .andReturn().getResponse().getContentAsString());
    }

    private static long serviceCount(JsonNode stats) {
        for (JsonNode c : stats.get("byCategory")) {
            if ("SERVICE".equals(c.get("key").asString())) {
                return c.get("reported").asLong();
            }
        }
        return 0;
    }

    private JsonNode problem(String user, String id) throws Exception {
        return Api.json(mvc.perform(Api.as(mvc, user, get("/api/v1/problems/{id}", id))).andReturn().getResponse()
                .getContentAsString());
    }

    private String unitId(String name) throws Exception {
        return String.valueOf(Api.orgUnitId(mvc, name));
    }

    /** A real photo: a JPEG drawn and written by ImageIO into a temp file. */
    private static Path jpeg(String tag) throws Exception {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xECEFF1));
        g.fillRect(0, 0, 640, 480);
        g.setColor(new Color(0xB71C1C));
        g.fillRect(220, 120, 200, 240);
        g.setColor(Color.DARK_GRAY);
        g.drawString("queue machine " + tag, 230, 100);
        g.dispose();
        Path file = Files.createTempFile("jiandu-photo-", ".jpg");
        assertThat(ImageIO.write(img, "jpg", file.toFile())).as("ImageIO writes JPEG").isTrue();
        return file;
    }

    private void shot(WebDriver browser, String step) throws Exception {
        Browsers.shot(browser, "problem-" + WIDTH + "-" + step);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
