package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
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
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * The "1234" sharing platform in a real browser at desktop and phone width: team1 uploads a file into the
 * 班组监督员 space's 业务考试复习资料 folder through the page; team2, a member of the same space, sees it but gets no
 * delete (nor rename, move) button for it, and the API refuses his delete with 403, leaving the file in place; the admin
 * publishes one file through the publish form to the three supervisor spaces' 业务培训课 and finds it in each of them.
 * Screenshots: {@code target/screenshots/sharing-<width>-*.png}.
 */
@IntegrationTest
class SharingBrowserTests {

    /** The three role spaces and a member of each. */
    static final Map<String, String> MEMBER = Map.of("TEAM_SUPERVISOR", "team2", "GRID_SUPERVISOR", "grid1",
            "BRANCH_INSPECTOR", "inspector1");

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 375})
    void memberUploadsOthersMayNotDeleteAdminPublishesToEverySpace(int width) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path dir = Files.createTempDirectory("jiandu-sharing-browser");
        Path notes = dir.resolve("复习笔记-" + width + "-" + tag + ".pdf");
        Files.write(notes, pdf("exam review notes " + tag));
        Path course = dir.resolve("培训课件-" + width + "-" + tag + ".png");
        Files.write(course, png(tag));

        WebDriver browser = Browsers.start(width);
        try {
            WebDriverWait wait = Browsers.waitFor(browser);

            // team1 opens the sharing platform, his space's 业务考试复习资料 folder, and uploads through the form
            switchUser(browser, "team1");
            assertThat(Browsers.viewportWidth(browser)).as("viewport width").isEqualTo(width);
            Browsers.click(browser, wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("main a[href='/sharing']"))));
            WebElement space = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=space-TEAM_SUPERVISOR]")));
            assertThat(space.getText()).contains("班组监督员", "履职材料反馈", "工作亮点", "业务考试复习资料", "业务培训课");
            Browsers.assertNoHorizontalScroll(browser, width);
            shot(browser, width, "01-team1-spaces");
            Browsers.click(browser, space.findElement(By.cssSelector("[data-testid=folder-EXAM_REVIEW]")));
            WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=upload-form]")));
            String folderUrl = browser.getCurrentUrl();
            form.findElement(By.cssSelector("input[type=file]")).sendKeys(notes.toAbsolutePath().toString());
            shot(browser, width, "02-team1-upload-form");
            Browsers.click(browser, form.findElement(By.cssSelector("[data-testid=upload-submit]")));
            WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=notice]")));
            assertThat(notice.getText()).isEqualTo("已上传");

            // his file is listed (found with the htmx search box) with his own delete button
            WebElement own = search(browser, notes.getFileName().toString());
            assertThat(own.getText()).contains(notes.getFileName().toString(), "黄伟");
            String fileId = own.findElement(By.cssSelector("a[data-testid^='download-']")).getDomAttribute("data-testid")
                    .substring("download-".length());
            assertThat(own.findElements(By.cssSelector("[data-testid='delete-" + fileId + "']"))).hasSize(1);
            Browsers.assertNoHorizontalScroll(browser, width);
            shot(browser, width, "03-team1-uploaded");

            // team2, in the same space, sees the file but has no delete, rename or move button for it
            switchUser(browser, "team2");
            browser.get(folderUrl);
            WebElement others = search(browser, notes.getFileName().toString());
            assertThat(others.getText()).contains(notes.getFileName().toString(), "黄伟", "下载");
            assertThat(others.findElements(By.cssSelector("[data-testid='download-" + fileId + "']"))).hasSize(1);
            assertThat(others.findElements(By.cssSelector("[data-testid='delete-" + fileId + "']"))).isEmpty();
            assertThat(others.findElements(By.cssSelector("[data-testid='rename-" + fileId + "']"))).isEmpty();
            assertThat(others.findElements(By.cssSelector("[data-testid='move-" + fileId + "']"))).isEmpty();
            assertThat(others.findElements(By.cssSelector("form[action$='/delete']"))).isEmpty();
            Browsers.assertNoHorizontalScroll(browser, width);
            shot(browser, width, "04-team2-no-delete");

            // and the server refuses what the page does not offer: 403, the file still there
            MvcResult refused = mvc.perform(Api.as(mvc, "team2", delete("/api/v1/files/{id}", fileId))).andReturn();
            assertThat(refused.getResponse().getStatus()).isEqualTo(403);
            MvcResult content = mvc.perform(Api.as(mvc, "team2", get("/api/v1/files/{id}/content", fileId)))
                    .andReturn();
            assertThat(content.getResponse().getStatus()).isEqualTo(200);
            assertThat(content.getResponse().getContentAsByteArray()).isEqualTo(Files.readAllBytes(notes));
            browser.navigate().refresh();
            assertThat(search(browser, notes.getFileName().toString()).getText())
                    .contains(notes.getFileName().toString());

            // the admin publishes one file to the three supervisor spaces' 业务培训课 through the publish form
            switchUser(browser, "admin");
            Map<String, String> spaceIds = roleSpaces();
            assertThat(spaceIds).containsOnlyKeys(MEMBER.keySet());
            browser.get(url("/sharing"));
            Browsers.click(browser, wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("[data-testid=publish-link]"))));
            WebElement publish = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=publish-form]")));
            publish.findElement(By.id("pub-file")).sendKeys(course.toAbsolutePath().toString());
            new Select(publish.findElement(By.id("pub-kind"))).selectByValue("TRAINING_COURSES");
            for (WebElement box : publish.findElements(By.cssSelector("input[name=spaceIds]"))) {
                boolean wanted = spaceIds.containsValue(box.getDomAttribute("value"));
                if (box.isSelected() != wanted) {
                    Browsers.click(browser, box);
                }
                assertThat(box.isSelected()).isEqualTo(wanted);
            }
            Browsers.assertNoHorizontalScroll(browser, width);
            shot(browser, width, "05-admin-publish-form");
            Browsers.click(browser, publish.findElement(By.cssSelector("[data-testid=publish-submit]")));
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=notice]")))
                    .getText()).isEqualTo("已发布到 3 个空间");
            shot(browser, width, "06-admin-published");

            // it is in each space: the admin finds it on each space's page, and a member of each space through the API
            List<String> blobs = new ArrayList<>();
            for (Map.Entry<String, String> s : spaceIds.entrySet()) {
                browser.get(url("/sharing"));
                WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("[data-testid=space-" + s.getKey() + "]")));
                Browsers.click(browser, card.findElement(By.cssSelector("[data-testid=folder-TRAINING_COURSES]")));
                WebElement row = search(browser, course.getFileName().toString());
                assertThat(row.getText()).contains(course.getFileName().toString());
                Browsers.assertNoHorizontalScroll(browser, width);
                shot(browser, width, "07-published-in-" + s.getKey());

                JsonNode entry = entryInTraining(MEMBER.get(s.getKey()), s.getKey(), course.getFileName().toString());
                assertThat(entry).as("%s sees the published file", MEMBER.get(s.getKey())).isNotNull();
                MvcResult got = mvc.perform(Api.as(mvc, MEMBER.get(s.getKey()),
                        get("/api/v1/files/{id}/content", entry.get("id").asString()))).andReturn();
                assertThat(got.getResponse().getContentAsByteArray()).isEqualTo(Files.readAllBytes(course));
                blobs.add(entry.get("id").asString());
            }
            assertThat(blobs).as("one entry per space").doesNotHaveDuplicates().hasSize(3);
        } finally {
            browser.quit();
            Files.deleteIfExists(notes);
            Files.deleteIfExists(course);
            Files.deleteIfExists(dir);
        }
    }

    /** Types the name into the folder's search box (htmx replaces the listing) and returns the file's row. */
    private static WebElement search(WebDriver browser, String name) {
        WebElement box = Browsers.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=search]")));
        box.clear();
        box.sendKeys(name.substring(0, name.lastIndexOf('.')));
        // the names are unique: once the search has replaced the listing, this file is all it shows
        Browsers.waitFor(browser).until(d -> d.findElements(By.cssSelector("#listing li[data-testid]")).stream()
                .map(e -> e.getDomAttribute("data-testid")).toList().equals(List.of("file-" + name)));
        return browser.findElement(By.cssSelector("#listing li[data-testid='file-" + name + "']"));
    }

    /** roleCode → space id of the three supervisor spaces, as the admin sees them. */
    private Map<String, String> roleSpaces() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode s : Api.json(mvc.perform(Api.as(mvc, "admin", get("/api/v1/spaces"))).andReturn()
                .getResponse().getContentAsString())) {
            String role = roleCode(s);
            if (role != null) {
                out.put(role, s.get("id").asString());
            }
        }
        return out;
    }

    private static String roleCode(JsonNode space) {
        JsonNode role = space.get("roleCode");
        return role == null || role.isNull() || role.asString().isEmpty() ? null : role.asString();
    }

    /** The entry named {@code name} in 业务培训课 of the role's space, as {@code user} lists it, or null. */
    private JsonNode entryInTraining(String user, String roleCode, String name) throws Exception {
        for (JsonNode s : Api.json(mvc.perform(Api.as(mvc, user, get("/api/v1/spaces"))).andReturn().getResponse()
                .getContentAsString())) {
            if (!roleCode.equals(roleCode(s))) {
                continue;
            }
            for (JsonNode f : s.get("folders")) {
                if ("TRAINING_COURSES".equals(f.get("kind").asString())) {
                    JsonNode page = Api.json(mvc.perform(Api.as(mvc, user,
                                    get("/api/v1/folders/{id}/entries", f.get("id").asString()).param("q", name)))
                            .andReturn().getResponse().getContentAsString());
                    for (JsonNode e : page.get("items")) {
                        if (name.equals(e.get("name").asString())) {
                            return e;
                        }
                    }
                }
            }
        }
        return null;
    }

    private void switchUser(WebDriver browser, String username) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        Browsers.signIn(browser, username, Api.DEMO_PASSWORD);
        Browsers.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=home-title]")));
    }

    private static byte[] pdf(String text) {
        String body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% " + text
                + "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] png(String tag) throws Exception {
        BufferedImage img = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xB71C1C));
        g.fillRect(0, 0, 320, 180);
        g.setColor(Color.WHITE);
        g.drawString("training " + tag, 20, 90);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static void shot(WebDriver browser, int width, String step) throws Exception {
        Browsers.shot(browser, "sharing-" + width + "-" + step);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
