package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for the browser tests: {@code /usr/bin/chromium} driven by {@code /usr/bin/chromedriver},
 * both named explicitly so that nothing is ever downloaded. Where they are missing, {@link BrowserAvailability} skips
 * every {@code *BrowserTests} class with one line saying how to install them (a failure with
 * {@code -Djiandu.browser-tests=required}, as in {@code .ci/run}); a call from any other class fails.
 * Phone widths are emulated exactly (a desktop window cannot be made that narrow). Screenshots go to
 * {@code target/screenshots/}.
 */
public final class Browsers {

    /** Debian's paths; {@code -Djiandu.chromium=…} and {@code -Djiandu.chromedriver=…} name others. */
    public static final File CHROMIUM = new File(System.getProperty("jiandu.chromium", "/usr/bin/chromium"));
    public static final File CHROMEDRIVER = new File(System.getProperty("jiandu.chromedriver", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target/screenshots");

    private Browsers() {
    }

    /** A fresh browser (own profile, zh-CN) whose viewport is {@code width} px wide. */
    public static WebDriver start(int width) throws IOException {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium) — the browser tests need it").exists();
        assertThat(CHROMEDRIVER).as("Debian's chromedriver (apt-get install chromium-driver)").exists();
        Path profile = Files.createTempDirectory("jiandu-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--lang=zh-CN");
        if (width < 600) {
            // a phone: emulate its viewport exactly
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

    /**
     * A wait long enough for a busy two-core machine, which retries while the page is being replaced (an element
     * found on the old page goes stale when the new one arrives).
     */
    public static WebDriverWait waitFor(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Signs in through the login form on the current page (which must be /login) and waits until it has left it. */
    public static void signIn(WebDriver browser, String username, String password) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
        waitFor(browser).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Scrolls the element into view first: on a phone the button may sit below the fold. */
    public static void click(WebDriver browser, WebElement element) {
        scrollTo(browser, element);
        element.click();
    }

    public static void scrollTo(WebDriver browser, WebElement element) {
        // instant: Bootstrap makes scrolling smooth, and a click during the animation lands elsewhere
        js(browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
    }

    public static int viewportWidth(WebDriver browser) {
        return ((Number) js(browser).executeScript("return window.innerWidth")).intValue();
    }

    /** The page is no wider than the screen; on failure the message names the elements that stick out. */
    public static void assertNoHorizontalScroll(WebDriver browser, int width) {
        Number scrollWidth = (Number) js(browser).executeScript("return document.documentElement.scrollWidth");
        if (scrollWidth.intValue() > width) {
            Object culprits = js(browser).executeScript("""
                    return Array.from(document.querySelectorAll('body *'))
                      .filter(e => e.getBoundingClientRect().right > arguments[0] + 0.5)
                      .slice(0, 8)
                      .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className
                           + ' right=' + Math.round(e.getBoundingClientRect().right))
                      .join('; ')""", width);
            assertThat(scrollWidth.intValue()).as("%s fits %d px without horizontal scrolling; too wide: %s",
                    browser.getCurrentUrl(), width, culprits).isLessThanOrEqualTo(width);
        }
    }

    /**
     * Saves the whole page (not only the visible part: a phone page is long) as
     * {@code target/screenshots/<name>.png}, through the DevTools protocol of Chromium.
     */
    public static void shot(WebDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        if (browser instanceof ChromeDriver chrome) {
            Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                    "width", ((Number) size.get("width")).doubleValue(),
                    "height", Math.min(((Number) size.get("height")).doubleValue(), 6000));
            Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
            return;
        }
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static JavascriptExecutor js(WebDriver browser) {
        return (JavascriptExecutor) browser;
    }
}
