package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
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
 * The admin's journey in a real browser (Debian's headless Chromium, nothing downloaded), at desktop and phone
 * width: admin signs in, creates an org unit on /org and an account in it on /users, the new user signs in, is made to change
 * the one-time password and lands on his home page. Screenshots of every step go to {@code target/screenshots/}
 * (see {@link Browsers}).
 */
@IntegrationTest
class AdminJourneyBrowserTests {

    private static final AtomicInteger RUN = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 375})
    void adminCreatesUnitAndUserWhoChangesHisPasswordAndSeesHome(int width) throws Exception {
        String tag = System.currentTimeMillis() % 1_000_000 + "" + RUN.incrementAndGet();
        String unitName = "浏览器测试班组" + tag;
        String username = "web" + tag;
        String oneTime = "Once" + tag + "x";
        String newPassword = "Changed" + tag + "y";

        WebDriver browser = Browsers.start(width);
        try {
            WebDriverWait wait = Browsers.waitFor(browser);
            // admin signs in
            browser.get(url("/login"));
            assertThat(Browsers.viewportWidth(browser)).as("viewport width").isEqualTo(width);
            Browsers.shot(browser, width + "-01-login");
            assertThat(browser.findElement(By.cssSelector("button[type=submit]")).getText()).isEqualTo("登录");
            Browsers.signIn(browser, "admin", Api.DEMO_PASSWORD);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=home-title]")));
            Browsers.shot(browser, width + "-02-admin-home");

            // admin creates an org unit under the city branch, through the htmx form on /org
            browser.get(url("/org"));
            browser.findElement(By.cssSelector("#org-tree > details > summary")).click();
            Select parent = new Select(browser.findElement(By.id("new-parent")));
            parent.getOptions().stream().filter(o -> o.getText().strip().equals("市场经营部党支部")).findFirst()
                    .orElseThrow().click();
            browser.findElement(By.id("new-name")).sendKeys(unitName);
            new Select(browser.findElement(By.id("new-type"))).selectByValue("TEAM");
            Browsers.shot(browser, width + "-03-org-create-form");
            browser.findElement(By.cssSelector("[data-testid=org-create]")).click();
            WebElement created = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("li[data-unit='" + unitName + "']")));
            assertThat(created.getText()).contains(unitName);
            Browsers.shot(browser, width + "-04-org-created");

            // admin creates an account in the new unit on /users (the form comes in through htmx)
            browser.get(url("/users"));
            browser.findElement(By.cssSelector("[data-testid=user-new]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-username"))).sendKeys(username);
            browser.findElement(By.id("f-displayName")).sendKeys("浏览器用户" + tag);
            new Select(browser.findElement(By.id("f-orgUnitId"))).getOptions().stream()
                    .filter(o -> o.getText().strip().equals(unitName)).findFirst().orElseThrow().click();
            browser.findElement(By.id("f-mobile")).sendKeys("139" + String.format("%08d", Long.parseLong(tag) % 100_000_000));
            Browsers.click(browser, browser.findElement(By.id("f-role-EMPLOYEE")));
            browser.findElement(By.id("f-password")).sendKeys(oneTime);
            Browsers.shot(browser, width + "-05-user-form");
            Browsers.click(browser, browser.findElement(By.cssSelector("[data-testid=user-save]")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=user-notice]")));
            assertThat(mustChangePassword(username)).as("account %s created with a one-time password", username).isTrue();
            Browsers.shot(browser, width + "-06-user-created");

            // admin signs out; the new user signs in and must change the one-time password first
            browser.manage().deleteAllCookies();
            browser.get(url("/login"));
            Browsers.signIn(browser, username, oneTime);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=forced-change]")));
            assertThat(browser.getCurrentUrl()).endsWith("/account/password");
            Browsers.shot(browser, width + "-07-forced-password-change");
            browser.get(url("/"));
            assertThat(browser.getCurrentUrl()).as("any page leads back to the password change").endsWith(
                    "/account/password");
            browser.findElement(By.id("currentPassword")).sendKeys(oneTime);
            browser.findElement(By.id("newPassword")).sendKeys(newPassword);
            browser.findElement(By.id("confirmPassword")).sendKeys(newPassword);
            browser.findElement(By.cssSelector("form[action$='/account/password'] button[type=submit]")).click();

            // and lands on his home page
            WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=home-title]")));
            assertThat(title.getText()).contains("浏览器用户" + tag);
            assertThat(browser.findElement(By.tagName("main")).getText()).contains(unitName);
            Browsers.shot(browser, width + "-08-new-user-home");
            Browsers.assertNoHorizontalScroll(browser, width);
        } finally {
            browser.quit();
        }
    }

    private boolean mustChangePassword(String username) throws Exception {
        String body = mvc.perform(Api.as(mvc, "admin", get("/api/v1/users").param("q", username))).andReturn()
                .getResponse().getContentAsString();
        for (JsonNode user : Api.json(body).get("items")) {
            if (user.get("username").asString().equals(username)) {
                return user.get("mustChangePassword").asBoolean();
            }
        }
        return false;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
