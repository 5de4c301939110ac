package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
 * the one-time password and lands on his home page. Screenshots of every step go to {@code target/screenshots/}.
 */
@IntegrationTest
class AdminJourneyBrowserTests {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
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

        WebDriver browser = start(width);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            // admin signs in
            browser.get(url("/login"));
            assertThat(((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth")).intValue())
                    .as("viewport width").isEqualTo(width);
            shot(browser, width, "01-login");
            assertThat(browser.findElement(By.cssSelector("button[type=submit]")).getText()).isEqualTo("登录");
            signIn(browser, wait, "admin", Api.DEMO_PASSWORD);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=home-title]")));
            shot(browser, width, "02-admin-home");

            // admin creates an org unit under the city branch, through the htmx form on /org
            browser.get(url("/org"));
            browser.findElement(By.cssSelector("#org-tree > details > summary")).click();
            Select parent = new Select(browser.findElement(By.id("new-parent")));
            parent.getOptions().stream().filter(o -> o.getText().strip().equals("市场经营部党支部")).findFirst()
                    .orElseThrow().click();
            browser.findElement(By.id("new-name")).sendKeys(unitName);
            new Select(browser.findElement(By.id("new-type"))).selectByValue("TEAM");
            shot(browser, width, "03-org-create-form");
            browser.findElement(By.cssSelector("[data-testid=org-create]")).click();
            WebElement created = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("li[data-unit='" + unitName + "']")));
            assertThat(created.getText()).contains(unitName);
            shot(browser, width, "04-org-created");

            // admin creates an account in the new unit on /users (the form comes in through htmx)
            browser.get(url("/users"));
            browser.findElement(By.cssSelector("[data-testid=user-new]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-username"))).sendKeys(username);
            browser.findElement(By.id("f-displayName")).sendKeys("浏览器用户" + tag);
            new Select(browser.findElement(By.id("f-orgUnitId"))).getOptions().stream()
                    .filter(o -> o.getText().strip().equals(unitName)).findFirst().orElseThrow().click();
            browser.findElement(By.id("f-mobile")).sendKeys("139" + String.format("%08d", Long.parseLong(tag) % 100_000_000));
            click(browser, browser.findElement(By.id("f-role-EMPLOYEE")));
            browser.findElement(By.id("f-password")).sendKeys(oneTime);
            shot(browser, width, "05-user-form");
            click(browser, browser.findElement(By.cssSelector("[data-testid=user-save]")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=user-notice]")));
            assertThat(mustChangePassword(username)).as("account %s created with a one-time password", username).isTrue();
            shot(browser, width, "06-user-created");

            // admin signs out; the new user signs in and must change the one-time password first
            browser.manage().deleteAllCookies();
            browser.get(url("/login"));
            signIn(browser, wait, username, oneTime);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=forced-change]")));
            assertThat(browser.getCurrentUrl()).endsWith("/account/password");
            shot(browser, width, "07-forced-password-change");
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
            shot(browser, width, "08-new-user-home");
            assertNoHorizontalScroll(browser, width);
        } finally {
            browser.quit();
        }
    }

    private void signIn(WebDriver browser, WebDriverWait wait, String username, String password) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
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

    /** Scrolls the element into view first: on a phone the button may sit below the fold. */
    private static void click(WebDriver browser, WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static void assertNoHorizontalScroll(WebDriver browser, int width) {
        Number scrollWidth = (Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth.intValue()).as("page fits %d px without horizontal scrolling", width)
                .isLessThanOrEqualTo(width);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebDriver start(int width) throws IOException {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium) — the browser test needs it").exists();
        assertThat(CHROMEDRIVER).as("Debian's chromedriver (apt-get install chromium-driver)").exists();
        Path profile = Files.createTempDirectory("jiandu-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--lang=zh-CN");
        if (width < 600) {
            // a phone: emulate its viewport exactly (a desktop window cannot be made that narrow)
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", 812, "pixelRatio", 1.0)));
        } else {
            options.addArguments("--window-size=" + width + ",900");
        }
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void shot(WebDriver browser, int width, String step) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(width + "-" + step + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
