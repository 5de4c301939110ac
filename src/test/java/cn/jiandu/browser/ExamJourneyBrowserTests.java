package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The onboarding knowledge test on a 375 px phone: grid1 opens it from his home page, answers, the page is
 * reloaded midway and the attempt resumes with his answers, he submits, passes and reads his review; then the
 * office's results page shows the exam with its item analysis. Screenshots: {@code target/screenshots/exam-375-*}.
 */
@IntegrationTest
class ExamJourneyBrowserTests {

    static final int WIDTH = 375;
    static final String ONBOARDING = "五个一·新任监督员知识测试";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    record Key(String type, List<String> answer) {
    }

    @Test
    void grid1TakesTheOnboardingTestResumesAfterAReloadPassesAndTheOfficeSeesTheAnalysis() throws Exception {
        WebDriver browser = Browsers.start(WIDTH);
        try {
            WebDriverWait wait = Browsers.waitFor(browser);
            browser.get(url("/login"));
            Browsers.signIn(browser, "grid1", Api.DEMO_PASSWORD);
            Browsers.click(browser, wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("main a[href='/exams/mine']"))));
            WebElement line = wait.until(d -> d.findElements(By.cssSelector("[data-testid=exam-line]")).stream()
                    .filter(e -> e.getText().contains(ONBOARDING)).findFirst().orElse(null));
            Browsers.assertNoHorizontalScroll(browser, WIDTH);
            shot(browser, "01-mine");
            Browsers.click(browser, line.findElement(By.cssSelector("[data-testid=take]")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=stem]")));
            wait.until(d -> !d.findElement(By.cssSelector("[data-testid=stem]")).getText().isBlank());
            assertThat(browser.findElement(By.cssSelector("[data-testid=timer]")).getText()).matches("\\d\\d:\\d\\d");
            Browsers.assertNoHorizontalScroll(browser, WIDTH);
            shot(browser, "02-question");

            Map<String, Key> keys = keys();
            int total = keys.size();
            assertThat(total).isEqualTo(20);
            for (int i = 0; i < 8; i++) {
                answerCurrent(browser, wait, keys);
                next(browser);
            }
            waitSaved(wait);
            shot(browser, "03-answered-8");

            // the phone reloads (a closed browser, a lost page): the same attempt resumes with his answers
            browser.navigate().refresh();
            wait.until(d -> !d.findElement(By.cssSelector("[data-testid=stem]")).getText().isBlank());
            wait.until(d -> d.findElements(By.cssSelector("[data-role=map] .btn-danger")).size() == 8);
            assertThat(browser.findElement(By.cssSelector("[data-role=position]")).getText()).startsWith("9/");
            shot(browser, "04-resumed");

            for (int i = 8; i < total; i++) {
                answerCurrent(browser, wait, keys);
                if (i < total - 1) {
                    next(browser);
                }
            }
            waitSaved(wait);
            Browsers.click(browser, browser.findElement(By.cssSelector("[data-testid=submit]")));
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            WebElement score = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=score]")));
            assertThat(score.getText()).contains("100").contains("及格");
            assertThat(browser.findElements(By.cssSelector("[data-testid=review-item]"))).hasSize(total);
            assertThat(browser.findElement(By.cssSelector("[data-testid=result]")).getText()).contains("正确答案", "解析");
            Browsers.assertNoHorizontalScroll(browser, WIDTH);
            shot(browser, "05-review");

            // the office opens the exam's results and item analysis
            browser.manage().deleteAllCookies();
            browser.get(url("/login"));
            Browsers.signIn(browser, "admin", Api.DEMO_PASSWORD);
            browser.get(url("/exams/office"));
            WebElement exam = wait.until(d -> d.findElements(By.cssSelector("[data-testid=office-exam]")).stream()
                    .filter(e -> e.getText().contains(ONBOARDING)).findFirst().orElse(null));
            Browsers.click(browser, exam);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=analysis]")));
            assertThat(browser.findElement(By.cssSelector("[data-testid=result-rows]")).getText()).contains("吴海涛");
            assertThat(browser.findElements(By.cssSelector("[data-testid=analysis] tbody tr, [data-testid=analysis] tr")))
                    .hasSizeGreaterThan(1);
            assertThat(browser.findElement(By.cssSelector("[data-testid=analysis-summary]")).getText())
                    .contains("Cronbach");
            shot(browser, "06-office-analysis");
        } finally {
            browser.quit();
        }
    }

    /** The keys of grid1's attempt in progress, by stem (read from the database: the page never sees them). */
    private Map<String, Key> keys() {
        Map<String, Key> out = new HashMap<>();
        jdbc.sql("""
                SELECT v.stem, v.type, v.answer FROM exam_attempt a
                JOIN app_user u ON u.id = a.user_id JOIN exam_exam e ON e.id = a.exam_id
                JOIN exam_attempt_item i ON i.attempt_id = a.id
                JOIN exam_question_version v ON v.question_id = i.question_id AND v.version = i.question_version
                WHERE u.username = 'grid1' AND e.title = :t AND a.status = 'IN_PROGRESS'""").param("t", ONBOARDING)
                .query((rs, n) -> {
                    List<String> answer = new java.util.ArrayList<>();
                    Api.json(rs.getString(3)).forEach(a -> answer.add(a.asString()));
                    return out.put(rs.getString(1), new Key(rs.getString(2), answer));
                }).list();
        return out;
    }

    private static void answerCurrent(WebDriver browser, WebDriverWait wait, Map<String, Key> keys) {
        String stem = browser.findElement(By.cssSelector("[data-testid=stem]")).getText().strip();
        Key key = keys.get(stem);
        assertThat(key).as("key of '%s'", stem).isNotNull();
        if (key.type().equals("FILL")) {
            WebElement input = browser.findElement(By.cssSelector("[data-testid=fill]"));
            input.sendKeys(key.answer().get(0));
            input.sendKeys(org.openqa.selenium.Keys.TAB);
            return;
        }
        for (String k : key.answer()) {
            WebElement option = wait.until(d -> d.findElement(By.cssSelector("[data-role=options] [data-key='" + k
                    + "']")));
            Browsers.click(browser, option);
            wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-role=options] [data-key='" + k + "']"))
                    .getAttribute("aria-pressed")));
        }
    }

    private static void next(WebDriver browser) {
        String before = browser.findElement(By.cssSelector("[data-role=position]")).getText();
        Browsers.click(browser, browser.findElement(By.cssSelector("[data-action=next]")));
        Browsers.waitFor(browser).until(d -> !d.findElement(By.cssSelector("[data-role=position]")).getText()
                .equals(before));
    }

    private static void waitSaved(WebDriverWait wait) {
        wait.until(d -> d.findElement(By.cssSelector("[data-role=sync]")).getText().equals("已保存"));
    }

    private void shot(WebDriver browser, String step) throws Exception {
        Browsers.shot(browser, "exam-" + WIDTH + "-" + step);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
