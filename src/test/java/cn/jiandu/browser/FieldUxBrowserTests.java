package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * What a field supervisor does on a phone (375 px) that must be harmless: a double tap on 提交反映 files one
 * report. Screenshots: {@code target/screenshots/fieldux-375-*.png}.
 */
@IntegrationTest
class FieldUxBrowserTests {

    static final int WIDTH = 375;

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Test
    void aDoubleTapOnSubmitFilesOneReport() throws Exception {
        String title = "双击提交 " + UUID.randomUUID().toString().substring(0, 8);
        Path photo = jpeg();
        WebDriver browser = Browsers.start(WIDTH);
        try {
            WebDriverWait wait = Browsers.waitFor(browser);
            browser.get(url("/login"));
            Browsers.signIn(browser, "grid1", Api.DEMO_PASSWORD);
            browser.get(url("/problems/new"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("p-title")));
            browser.findElement(By.id("p-photos")).sendKeys(photo.toAbsolutePath().toString());
            new Select(browser.findElement(By.id("p-category"))).selectByVisibleText("服务质量");
            browser.findElement(By.id("p-title")).sendKeys(title);
            browser.findElement(By.id("p-description")).sendKeys("营业厅门口台阶破损，老人容易摔倒。");
            browser.findElement(By.id("p-location")).sendKeys("廉州营业厅");
            WebElement submit = browser.findElement(By.cssSelector("[data-testid=problem-submit]"));
            Browsers.scrollTo(browser, submit);
            // two taps 150 ms apart, as a thumb on a slow phone does (dispatched in the page: the second tap must
            // reach the form still showing, however fast or slow the server answers the first)
            ((JavascriptExecutor) browser).executeScript(
                    "var b = arguments[0]; b.click(); setTimeout(function () { b.click(); }, 150);", submit);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=problem-notice]")));
            Browsers.shot(browser, "fieldux-" + WIDTH + "-double-tap");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains(title).doesNotContain("500");
            assertThat(reportsTitled(title)).as("reports titled %s", title).isEqualTo(1);
        } finally {
            browser.quit();
            Files.deleteIfExists(photo);
        }
    }

    /** A real 2000×1500 JPEG (its processing takes the server a moment, as a phone photo does). */
    static Path jpeg() throws Exception {
        BufferedImage img = new BufferedImage(2000, 1500, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x90A4AE));
        g.fillRect(0, 0, 2000, 1500);
        g.setColor(new Color(0x5D4037));
        g.fillRect(300, 900, 1400, 300);
        g.dispose();
        Path file = Files.createTempFile("jiandu-step-", ".jpg");
        assertThat(ImageIO.write(img, "jpg", file.toFile())).isTrue();
        return file;
    }

    @Test
    void oneTapOnTheLanguageSwitchShowsThisPageInEnglishWithItsQueryAndBack() throws Exception {
        WebDriver browser = Browsers.start(WIDTH);
        try {
            WebDriverWait wait = Browsers.waitFor(browser);
            browser.get(url("/login"));
            Browsers.signIn(browser, "admin", Api.DEMO_PASSWORD);
            browser.get(url("/problems/ledger?status=CLOSED"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=language-switch]")));
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).startsWith("zh");
            Browsers.click(browser, navbarSwitch(browser, wait));
            wait.until(d -> d.findElement(By.tagName("html")).getDomAttribute("lang").equals("en"));
            assertThat(browser.getCurrentUrl()).contains("/problems/ledger").contains("status=CLOSED")
                    .contains("lang=en");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Problem ledger");
            Browsers.shot(browser, "fieldux-" + WIDTH + "-english");
            // the choice sticks without the parameter, and one more tap goes back
            browser.get(url("/"));
            wait.until(d -> d.findElement(By.tagName("html")).getDomAttribute("lang").equals("en"));
            Browsers.click(browser, navbarSwitch(browser, wait));
            wait.until(d -> d.findElement(By.tagName("html")).getDomAttribute("lang").startsWith("zh"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void aRefusedPhotoKeepsTheTypedReportAndSaysWhatIsWrongNextToThePhotos() throws Exception {
        String title = "照片被拒 " + UUID.randomUUID().toString().substring(0, 8);
        String description = "路灯坏了一个月，晚上看不清台阶。";
        Path notAPhoto = Files.createTempFile("jiandu-not-a-photo-", ".jpg");
        Files.writeString(notAPhoto, "this is a text file, not a picture");
        WebDriver browser = Browsers.start(WIDTH);
        try {
            WebDriverWait wait = Browsers.waitFor(browser);
            browser.get(url("/login"));
            Browsers.signIn(browser, "grid1", Api.DEMO_PASSWORD);
            browser.get(url("/problems/new"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("p-title")));
            browser.findElement(By.id("p-photos")).sendKeys(notAPhoto.toAbsolutePath().toString());
            new Select(browser.findElement(By.id("p-category"))).selectByVisibleText("服务质量");
            browser.findElement(By.id("p-title")).sendKeys(title);
            browser.findElement(By.id("p-description")).sendKeys(description);
            browser.findElement(By.id("p-location")).sendKeys("廉州大道");
            Browsers.click(browser, browser.findElement(By.cssSelector("[data-testid=problem-submit]")));
            WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=field-error-photos]")));
            assertThat(error.getText()).isNotBlank().doesNotContain("file");
            assertThat(browser.findElement(By.id("p-title")).getDomProperty("value")).isEqualTo(title);
            assertThat(browser.findElement(By.id("p-description")).getDomProperty("value")).isEqualTo(description);
            assertThat(browser.findElement(By.id("p-location")).getDomProperty("value")).isEqualTo("廉州大道");
            assertThat(new Select(browser.findElement(By.id("p-category"))).getFirstSelectedOption().getText())
                    .isEqualTo("服务质量");
            Browsers.assertNoHorizontalScroll(browser, WIDTH);
            Browsers.shot(browser, "fieldux-" + WIDTH + "-refused-photo");
            assertThat(reportsTitled(title)).isZero();
        } finally {
            browser.quit();
            Files.deleteIfExists(notAPhoto);
        }
    }

    /** On a phone the switch sits in the collapsed menu: open it first. */
    private static WebElement navbarSwitch(WebDriver browser, WebDriverWait wait) {
        WebElement toggler = browser.findElement(By.cssSelector(".navbar-toggler"));
        if (toggler.isDisplayed()) {
            Browsers.click(browser, toggler);
        }
        return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("nav [data-testid=language-switch]")));
    }

    private int reportsTitled(String title) throws Exception {
        JsonNode page = Api.json(mvc.perform(Api.as(mvc, "admin", get("/api/v1/problems").param("q", title)))
                .andReturn().getResponse().getContentAsString());
        return page.get("items").size();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
