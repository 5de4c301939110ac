package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * 随手拍 on a phone (375 px): a photo larger than the server's limit is shrunk in the browser before it travels, a
 * wrongly picked photo is removed by its thumbnail's button, and the position goes along only with consent.
 * Screenshots: {@code target/screenshots/picker-375-*.png}.
 */
@IntegrationTest
class PhotoPickerBrowserTests {

    static final int WIDTH = 375;
    static final int LONG_EDGE = 2048;

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Test
    void aPhotoAboveTheLimitIsShrunkBeforeUploadAndARemovedThumbnailIsNotSent() throws Exception {
        String title = "大照片 " + UUID.randomUUID().toString().substring(0, 8);
        Path big = noisyJpeg(4000, 3000, 0.95f);
        Path wrong = plainJpeg(800, 600);
        long original = Files.size(big);
        // the phone photo as it comes from the camera: more than the server takes in full (10 MB)
        assertThat(original).isGreaterThan(10L * 1024 * 1024);
        WebDriver browser = Browsers.start(WIDTH);
        try {
            WebDriverWait wait = Browsers.waitFor(browser);
            browser.get(url("/login"));
            Browsers.signIn(browser, "grid1", Api.DEMO_PASSWORD);
            ChromeDriver chrome = (ChromeDriver) browser;
            chrome.executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""),
                    "permissions", java.util.List.of("geolocation")));
            chrome.executeCdpCommand("Emulation.setGeolocationOverride",
                    Map.of("latitude", 21.4817, "longitude", 109.1206, "accuracy", 30));
            browser.get(url("/problems/new"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("p-title")));
            assertThat(browser.findElement(By.id("p-photos-hint")).getText()).contains("9", "10 MB");
            assertThat(new Select(browser.findElement(By.id("p-category"))).getFirstSelectedOption().getText())
                    .isEqualTo("请选择");

            browser.findElement(By.id("p-photos")).sendKeys(big.toAbsolutePath() + "\n" + wrong.toAbsolutePath());
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=photo-thumb]"), 2));
            Browsers.shot(browser, "picker-" + WIDTH + "-two-thumbnails");
            Browsers.click(browser, browser.findElements(By.cssSelector("[data-testid=photo-remove]")).get(1));
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=photo-thumb]"), 1));
            long queued = ((Number) js(browser).executeScript(
                    "var f = document.getElementById('p-photos').files; return f.length === 1 ? f[0].size : -1"))
                    .longValue();
            assertThat(queued).as("the one photo the form will send").isPositive().isLessThan(original);

            Browsers.click(browser, browser.findElement(By.id("p-geo-consent")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("p-geo-status"), "已获取位置"));

            new Select(browser.findElement(By.id("p-category"))).selectByVisibleText("服务质量");
            browser.findElement(By.id("p-title")).sendKeys(title);
            browser.findElement(By.id("p-description")).sendKeys("营业厅的宣传栏倒了，挡住了通道。");
            browser.findElement(By.id("p-location")).sendKeys("廉州营业厅");
            Browsers.assertNoHorizontalScroll(browser, WIDTH);
            Browsers.shot(browser, "picker-" + WIDTH + "-ready");
            // weak 4G upstream: 600 kB/s, so the bar has time to be seen moving
            chrome.executeCdpCommand("Network.enable", Map.of());
            chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 50,
                    "downloadThroughput", -1, "uploadThroughput", 600_000));
            WebElement submit = browser.findElement(By.cssSelector("[data-testid=problem-submit]"));
            Browsers.click(browser, submit);
            WebElement bar = browser.findElement(By.cssSelector("[data-testid=upload-progress]"));
            wait.until(d -> !bar.getDomAttribute("class").contains("d-none")
                    && Integer.parseInt(bar.getDomAttribute("aria-valuenow")) > 0);
            int shown = Integer.parseInt(bar.getDomAttribute("aria-valuenow"));
            assertThat(submit.isEnabled()).as("the button while the photo travels").isFalse();
            Browsers.shot(browser, "picker-" + WIDTH + "-uploading");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=problem-notice]")));
            chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
            assertThat(shown).as("progress seen during the upload").isBetween(1, 100);
            assertThat(browser.getCurrentUrl()).matches(".*/problems/\\d+$");
            Browsers.shot(browser, "picker-" + WIDTH + "-submitted");

            String id = browser.getCurrentUrl().replaceAll(".*/problems/", "");
            JsonNode detail = Api.json(mvc.perform(Api.as(mvc, "admin", get("/api/v1/problems/" + id)))
                    .andReturn().getResponse().getContentAsString());
            assertThat(detail.get("title").asString()).isEqualTo(title);
            assertThat(detail.get("photos").size()).as("the removed thumbnail was not sent").isEqualTo(1);
            assertThat(detail.get("position").get("latitude").asDouble()).isEqualTo(21.4817);
            byte[] stored = mvc.perform(Api.as(mvc, "admin", get(detail.get("photos").get(0).get("url").asString())))
                    .andReturn().getResponse().getContentAsByteArray();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
            assertThat(stored.length).as("bytes stored").isLessThan((int) original);
            assertThat(Math.max(image.getWidth(), image.getHeight())).isLessThanOrEqualTo(LONG_EDGE)
                    .isGreaterThan(LONG_EDGE / 2);
        } finally {
            browser.quit();
            Files.deleteIfExists(big);
            Files.deleteIfExists(wrong);
        }
    }

    /** Random noise compresses badly: a 12-megapixel phone-sized photo of more than 10 MB. */
    static Path noisyJpeg(int w, int h, float quality) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                row[x] = random.nextInt(0x1000000);
            }
            img.setRGB(0, y, w, 1, row, 0, w);
        }
        Path file = Files.createTempFile("jiandu-big-", ".jpg");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        try (OutputStream out = Files.newOutputStream(file); ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return file;
    }

    static Path plainJpeg(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x8D6E63));
        g.fillRect(0, 0, w, h);
        g.dispose();
        Path file = Files.createTempFile("jiandu-wrong-", ".jpg");
        assertThat(ImageIO.write(img, "jpg", file.toFile())).isTrue();
        return file;
    }

    private static JavascriptExecutor js(WebDriver browser) {
        return (JavascriptExecutor) browser;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
