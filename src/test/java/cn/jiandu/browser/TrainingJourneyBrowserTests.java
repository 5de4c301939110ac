package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.selection.AppointmentOrigin;
import cn.jiandu.selection.AppointmentStarted;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.time.ClockConfig;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 培训 at 375 px: the admin plans a 警示教育 session for 网格监督员 and opens the projector page; grid1, newly
 * appointed (his 五个一 checklist open), opens the QR code's content on his phone and signs in; his item 一次警示教育
 * shows done; the attendance list and its .xlsx export list him. Screenshots: {@code target/screenshots/training-375-*}.
 */
@IntegrationTest
class TrainingJourneyBrowserTests {

    static final int WIDTH = 375;
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory users;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Test
    void adminPlansWarningEducationGrid1SignsInWithTheQrCodeAndHisOnboardingItemIsDone() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String title = "警示教育进网格 " + tag;
        UserView grid1 = users.findByUsername("grid1").orElseThrow();
        // grid1 takes office again (a new appointment, as selection publishes it): a fresh 五个一 checklist
        long appointment = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        tx.executeWithoutResult(s -> events.publishEvent(new AppointmentStarted(appointment, grid1.id(),
                Role.GRID_SUPERVISOR, grid1.orgUnitId(), LocalDate.now(ClockConfig.ZONE),
                LocalDate.now(ClockConfig.ZONE).plusYears(3), AppointmentOrigin.SELECTED)));

        WebDriver admin = Browsers.start(WIDTH);
        WebDriver phone = Browsers.start(WIDTH);
        try {
            WebDriverWait wait = Browsers.waitFor(admin);
            admin.get(url("/login"));
            Browsers.signIn(admin, "admin", Api.DEMO_PASSWORD);
            admin.get(url("/training"));
            Browsers.click(admin, wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("[data-testid=plan-session]"))));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=plan-form]")));
            new Select(admin.findElement(By.name("kind"))).selectByVisibleText("警示教育");
            admin.findElement(By.name("title")).sendKeys(title);
            LocalDateTime now = LocalDateTime.now(ClockConfig.ZONE).truncatedTo(ChronoUnit.MINUTES);
            setValue(admin, admin.findElement(By.name("startsAt")), LOCAL.format(now.minusMinutes(5)));
            setValue(admin, admin.findElement(By.name("endsAt")), LOCAL.format(now.plusHours(1)));
            admin.findElement(By.name("place")).sendKeys("合浦分公司三楼会议室");
            Browsers.click(admin, admin.findElement(By.id("type-GRID_SUPERVISOR")));
            shot(admin, "01-plan");
            Browsers.assertNoHorizontalScroll(admin, WIDTH);
            Browsers.click(admin, admin.findElement(By.cssSelector("[data-testid=plan-submit]")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=training-notice]")));
            assertThat(admin.findElement(By.tagName("h1")).getText()).isEqualTo(title);
            String sessionPath = admin.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
            shot(admin, "02-session");

            Browsers.click(admin, admin.findElement(By.cssSelector("[data-testid=open-projector]")));
            WebElement qr = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=sign-in-qr] svg")));
            assertThat(qr.getSize().getWidth()).as("QR drawn").isGreaterThan(200);
            String content = admin.findElement(By.cssSelector("[data-testid=sign-in-qr]")).getAttribute("data-url");
            assertThat(content).contains("/training/sign-in?code=J1.");
            shot(admin, "03-projector");
            Browsers.assertNoHorizontalScroll(admin, WIDTH);

            // grid1 on his phone: the camera opens the QR code's URL; he signs in first, then confirms
            WebDriverWait phoneWait = Browsers.waitFor(phone);
            phone.get(url("/login"));
            Browsers.signIn(phone, "grid1", Api.DEMO_PASSWORD);
            phone.get(content.replaceFirst("^https?://[^/]+", url("")));
            shot(phone, "04-scan");
            Browsers.click(phone, phoneWait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("[data-testid=sign-in-submit]"))));
            WebElement done = phoneWait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=sign-in-done]")));
            assertThat(done.getText()).contains(title, "签到成功", "出席");
            shot(phone, "05-signed-in");
            Browsers.assertNoHorizontalScroll(phone, WIDTH);

            // his onboarding: 一次警示教育 done, from this session
            phone.get(url("/training/onboarding/" + appointment));
            WebElement warning = phoneWait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=onboarding-items] li[data-code=WARNING]")));
            assertThat(warning.getAttribute("data-done")).isEqualTo("true");
            assertThat(warning.getText()).contains("已完成", "参加培训", title);
            assertThat(phone.findElement(By.cssSelector("[data-testid=onboarding-items] li[data-code=TEST]"))
                    .getAttribute("data-done")).isEqualTo("false");
            shot(phone, "06-onboarding");
            Browsers.assertNoHorizontalScroll(phone, WIDTH);

            // the organiser's attendance list shows him present; the export lists him
            admin.get(url(sessionPath));
            WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=attendance-table]")));
            assertThat(table.getText()).contains("吴海涛");
            Browsers.scrollTo(admin, table);
            shot(admin, "07-attendance");
            Browsers.assertNoHorizontalScroll(admin, WIDTH);
            String exportHref = admin.findElement(By.cssSelector("[data-testid=export-attendance]"))
                    .getAttribute("href");
            byte[] xlsx = mvc.perform(Api.as(mvc, "admin", get(exportHref.replaceFirst("^https?://[^/]+", ""))))
                    .andReturn().getResponse().getContentAsByteArray();
            List<String> rows = new ArrayList<>();
            try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                for (Row r : wb.getSheetAt(0)) {
                    if (r.getCell(0) != null && r.getCell(1) != null) {
                        rows.add(r.getCell(0).getStringCellValue() + "|" + r.getCell(1).getStringCellValue());
                    }
                }
            }
            assertThat(rows).contains("吴海涛|出席");
        } finally {
            admin.quit();
            phone.quit();
        }
    }

    private static void setValue(WebDriver browser, WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, value);
    }

    private void shot(WebDriver browser, String step) throws Exception {
        Browsers.shot(browser, "training-" + WIDTH + "-" + step);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
