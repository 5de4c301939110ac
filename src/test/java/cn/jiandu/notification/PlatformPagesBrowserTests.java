package cn.jiandu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.browser.Browsers;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform pages in a real browser (Debian's headless Chromium) at phone and desktop width: the admin sees his
 * unread badge, reads and marks a notification on /inbox, then adds a holiday on /calendar through the htmx form.
 * Screenshots go to {@code target/screenshots/}.
 */
@IntegrationTest
class PlatformPagesBrowserTests {


    @LocalServerPort
    int port;
    @Autowired
    Inbox inbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {375, 1280})
    void adminReadsHisInboxAndAddsAHoliday(int width) throws Exception {
        long adminId = jdbc.sql("SELECT id FROM app_user WHERE username = 'admin'").query(Long.class).single();
        String tag = "浏览器" + width + "-" + System.currentTimeMillis() % 100_000;
        tx.executeWithoutResult(s -> {
            inbox.post(new NotificationRequested(List.of(adminId), "notification.welcome", List.of(tag), "/calendar"));
        });
        long unread = inbox.unreadCount(adminId);

        WebDriver browser = Browsers.start(width);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(url("/login"));
            browser.findElement(By.id("username")).sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD);
            browser.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
            wait.until(d -> !d.getCurrentUrl().contains("/login"));

            // the layout's badge is filled by htmx from /inbox/badge
            String expected = unread > 99 ? "99+" : String.valueOf(unread);
            wait.until(d -> d.findElements(By.cssSelector("span[hx-get='/inbox/badge']")).stream()
                    .anyMatch(e -> e.isDisplayed() && e.getText().equals(expected)));
            Browsers.shot(browser, width + "-inbox-01-badge");

            browser.get(url("/inbox"));
            WebElement item = browser.findElements(By.cssSelector("#inbox-items li[data-read]")).stream()
                    .filter(e -> e.getText().contains(tag)).findFirst().orElseThrow();
            assertThat(item.getAttribute("data-read")).isEqualTo("false");
            assertThat(item.getText()).contains("欢迎使用监督平台，" + tag + "！");
            Browsers.shot(browser, width + "-inbox-02-list");
            String id = item.getAttribute("id");
            // the mark-read button (the message itself is the form that opens the link)
            item.findElement(By.cssSelector("form[hx-post] button[type=submit]")).click();
            wait.ignoring(StaleElementReferenceException.class)
                    .until(d -> "true".equals(d.findElement(By.id(id)).getAttribute("data-read")));
            // the page's count and the layout's badge follow at once, not within 60 s
            long after = inbox.unreadCount(adminId);
            String badge = after == 0 ? "" : after > 99 ? "99+" : String.valueOf(after);
            wait.until(d -> d.findElement(By.id("inbox-unread")).getText().startsWith(after + " "));
            wait.until(d -> d.findElements(By.cssSelector("span[hx-get='/inbox/badge']")).stream()
                    .allMatch(e -> e.getAttribute("textContent").strip().equals(badge)));
            Browsers.assertNoHorizontalScroll(browser, width);
            Browsers.shot(browser, width + "-inbox-03-marked");

            browser.get(url("/calendar?year=2026"));
            assertThat(browser.findElement(By.id("calendar-days")).getText()).contains("国庆节调休");
            Browsers.assertNoHorizontalScroll(browser, width);
            Browsers.shot(browser, width + "-calendar-01-year");
            String date = width == 375 ? "2034-05-15" : "2034-05-16";
            browser.findElement(By.cssSelector("#calendar-days > details > summary")).click();
            WebElement dateInput = browser.findElement(By.id("new-date"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", dateInput, date);
            new Select(browser.findElement(By.id("new-kind"))).selectByValue("HOLIDAY");
            browser.findElement(By.id("new-name")).sendKeys("浏览器假日");
            browser.findElement(By.cssSelector("#calendar-days > details form button[type=submit]")).click();
            WebElement added = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("li[data-date='" + date + "']")));
            assertThat(added.getText()).contains("浏览器假日");
            assertThat(browser.findElement(By.cssSelector("[data-testid=calendar-year]")).getText()).isEqualTo("2034");
            Browsers.assertNoHorizontalScroll(browser, width);
            Browsers.shot(browser, width + "-calendar-02-added");
        } finally {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

}
