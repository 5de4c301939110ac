package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The admin manages a space's members and quota in a real browser at desktop and phone width: from the spaces page
 * to the space's 成员与配额 page, adds a member by username and removes him again, and sets the quota; each change
 * through htmx (the panel is replaced, the page not reloaded) with the CSRF token. Screenshots:
 * {@code target/screenshots/space-admin-<width>-*.png}.
 */
@IntegrationTest
class SpaceAdminBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 375})
    void adminAddsAndRemovesAMemberAndSetsTheQuota(int width) throws Exception {
        String name = "成员与配额测试-" + width + "-" + UUID.randomUUID().toString().substring(0, 6);
        WebDriver browser = Browsers.start(width);
        try {
            WebDriverWait wait = Browsers.waitFor(browser);
            browser.get("http://localhost:" + port + "/login");
            Browsers.signIn(browser, "admin", Api.DEMO_PASSWORD);
            browser.get("http://localhost:" + port + "/sharing");
            // the space is made through the page's form, which leads to its members-and-quota page
            WebElement create = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=space-create]")));
            Browsers.click(browser, create.findElement(By.tagName("summary")));
            WebElement spaceName = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("space-name")));
            spaceName.sendKeys(name);
            Browsers.assertNoHorizontalScroll(browser, width);
            Browsers.shot(browser, "space-admin-" + width + "-00-create-space");
            Browsers.click(browser, create.findElement(By.cssSelector("button[type=submit]")));
            wait.until(ExpectedConditions.urlMatches("/sharing/spaces/\\d+/admin$"));
            String spaceId = browser.getCurrentUrl().replaceAll(".*/sharing/spaces/(\\d+)/admin$", "$1");
            assertThat(jdbc.sql("SELECT name FROM sharing_space WHERE id = :id").param("id", Long.parseLong(spaceId))
                    .query(String.class).single()).isEqualTo(name);
            browser.get("http://localhost:" + port + "/sharing");
            Browsers.click(browser, wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("[data-testid=space-admin-" + spaceId + "]"))));
            WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=space-admin]")));
            assertThat(browser.getCurrentUrl()).endsWith("/sharing/spaces/" + spaceId + "/admin");
            assertThat(panel.getText()).contains("已用 0 B / 20 GB", "暂无手动添加的成员");
            // a marker the htmx swaps must keep: a full reload would lose it
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.__noReload = true");

            WebElement username = browser.findElement(By.cssSelector("[data-testid=member-username]"));
            username.sendKeys("grid2");
            Browsers.click(browser, browser.findElement(By.cssSelector("[data-testid=member-add]")));
            long grid2 = jdbc.sql("SELECT id FROM app_user WHERE username = 'grid2'").query(Long.class).single();
            WebElement added = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=added-" + grid2 + "]")));
            assertThat(added.getText()).contains("郑美玲", "grid2");
            assertThat(browser.findElement(By.cssSelector("[data-testid=notice]")).getText()).isEqualTo("已添加成员");
            Browsers.assertNoHorizontalScroll(browser, width);
            Browsers.shot(browser, "space-admin-" + width + "-01-member-added");

            WebElement quota = browser.findElement(By.cssSelector("[data-testid=quota-input]"));
            quota.clear();
            quota.sendKeys("1.5");
            Browsers.click(browser, browser.findElement(By.cssSelector("[data-testid=quota-save]")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=quota-used]"),
                    "/ 1.5 GB"));
            assertThat(jdbc.sql("SELECT quota_bytes FROM sharing_space WHERE id = :id")
                    .param("id", Long.parseLong(spaceId)).query(Long.class).single()).isEqualTo(1610612736L);

            Browsers.click(browser, browser.findElement(By.cssSelector("[data-testid=remove-" + grid2 + "]")));
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(
                    By.cssSelector("[data-testid=added-" + grid2 + "]")));
            assertThat(browser.findElement(By.cssSelector("[data-testid=notice]")).getText()).isEqualTo("已移除成员");
            assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.__noReload"))
                    .as("changed through htmx, not by reloading the page").isEqualTo(true);
            Browsers.assertNoHorizontalScroll(browser, width);
            Browsers.shot(browser, "space-admin-" + width + "-02-member-removed");
        } finally {
            browser.quit();
        }
    }
}
