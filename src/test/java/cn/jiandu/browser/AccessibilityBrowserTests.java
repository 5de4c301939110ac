package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * axe-core (vendored in {@code src/test/resources/axe/}) on every page the navigation offers each demo role, at
 * 375 px: no serious or critical violation anywhere (contrast, names of links and buttons, labels, ...).
 */
@IntegrationTest
class AccessibilityBrowserTests {

    static final int WIDTH = 375;
    /** One demo account per role. */
    static final String[] ACCOUNTS = {"admin", "secretary", "hr_reviewer", "bs_market", "handler1", "inspector1",
            "team1", "grid1", "staff1"};

    @LocalServerPort
    int port;

    @Test
    void noPageOfAnyRoleHasASeriousOrCriticalViolation() throws Exception {
        String axe;
        try (InputStream in = getClass().getResourceAsStream("/axe/axe.min.js")) {
            assertThat(in).as("vendored axe-core").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> violations = new ArrayList<>();
        int pages = 0;
        WebDriver browser = Browsers.start(WIDTH);
        try {
            browser.get(url("/login"));
            pages += check(browser, axe, "anonymous", violations);
            for (String account : ACCOUNTS) {
                browser.manage().deleteAllCookies();
                browser.get(url("/login"));
                Browsers.signIn(browser, account, Api.DEMO_PASSWORD);
                Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
                Set<String> paths = new LinkedHashSet<>();
                paths.add("/");
                for (WebElement a : browser.findElements(By.cssSelector("#jd-nav a.nav-link, main a.jd-tile"))) {
                    String href = a.getDomAttribute("href");
                    if (href != null && href.startsWith("/") && !href.contains("export")) {
                        paths.add(href);
                    }
                }
                paths.add("/account");
                for (String path : paths) {
                    browser.get(url(path));
                    Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
                    pages += check(browser, axe, account, violations);
                }
            }
        } finally {
            browser.quit();
        }
        assertThat(pages).as("pages checked").isGreaterThan(20);
        assertThat(violations).as("serious/critical axe violations on %d pages", pages).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static int check(WebDriver browser, String axe, String account, List<String> out) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(function (r) {
                  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                    .map(function (v) {
                      return v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(function (n) {
                        return n.target.join(' ');
                      }).join(' | ');
                    }));
                }).catch(function (e) { done(['axe failed: ' + e]); });""");
        for (Object v : (List<Object>) result) {
            out.add(account + " " + browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "") + " → " + v);
        }
        return 1;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
