package cn.jiandu.problem;

import static cn.jiandu.problem.ProblemFixtures.submitOk;
import static cn.jiandu.problem.ProblemFixtures.unique;
import static cn.jiandu.problem.ProblemFixtures.unitId;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A double tap is two requests of one session at the same time. Both redirect with a flash message, so both add the
 * session attribute FLASH_MAPS; with Spring Session's plain INSERT the second failed on the primary key and the user
 * saw a 500 for work that was done. Real HTTP (Tomcat, the session in the database), one session cookie, eight
 * report submissions released together, three rounds (each round starts without FLASH_MAPS: the page in between
 * consumes it).
 */
@IntegrationTest
class ConcurrentSessionRequestsTests {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;
    @LocalServerPort
    int port;

    @Test
    void concurrentRequestsOfOneSessionThatEachFlashAMessageNeverFail() throws Exception {
        long unit = unitId(mvc, "渠道管理班组");
        String id = submitOk(mvc, "grid2", unique("会话页面"), "SERVICE", unit).get("id").asString();
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = http.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher loginToken = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(loginToken.find()).as("login form has a CSRF field").isTrue();
        HttpResponse<String> login = http.send(form("/login", "username=grid2&password=" + Api.DEMO_PASSWORD
                + "&_csrf=" + enc(loginToken.group(1))), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            for (int round = 0; round < 3; round++) {
                HttpResponse<String> page = http.send(get("/problems/" + id), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                Matcher token = CSRF.matcher(page.body());
                assertThat(token.find()).isTrue();
                String csrf = token.group(1);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> results = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    // 随手拍 submitted again and again (no idempotency key, as an old page or another tab sends
                    // it): each request files a report and redirects with the flashed notice of its number
                    String fields = "title=" + enc(unique("并发会话")) + "&description=" + enc("同一会话并发提交")
                            + "&categoryCode=SERVICE&orgUnitId=" + unit + "&_csrf=" + enc(csrf);
                    results.add(pool.submit(() -> {
                        start.await();
                        return http.send(form("/problems", fields), HttpResponse.BodyHandlers.ofString());
                    }));
                }
                start.countDown();
                List<String> landed = new ArrayList<>();
                for (Future<HttpResponse<String>> f : results) {
                    HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
                    assertThat(r.statusCode()).as("round %d: %s", round, r.body()).isEqualTo(302);
                    landed.add(URI.create(r.headers().firstValue("Location").orElseThrow()).getPath());
                }
                // every report page opens (and takes its flash map, if it survived, out of the session); the session
                // keeps the last writer's flash maps, so at least one page shows its number (the one a double tap
                // lands on shows it in the browser)
                int notices = 0;
                for (String path : landed) {
                    HttpResponse<String> shown = http.send(get(path), HttpResponse.BodyHandlers.ofString());
                    assertThat(shown.statusCode()).isEqualTo(200);
                    notices += shown.body().contains("data-testid=\"problem-notice\"") ? 1 : 0;
                }
                assertThat(notices).as("round %d: pages showing their notice", round).isPositive();
            }
            HttpResponse<String> after = http.send(get("/problems/" + id), HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.body()).contains("JD-");
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
