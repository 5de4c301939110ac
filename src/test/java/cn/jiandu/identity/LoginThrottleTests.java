package cn.jiandu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.identity.domain.UserRepository;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.shared.security.Role;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Failed logins slow down further attempts, per account and per address, progressively; the delay ends and a
 * correct password then works (a delay, not a lockout). Each test uses its own users and addresses.
 */
@IntegrationTest
class LoginThrottleTests {

    static final String PASSWORD = ThrowawayUsers.PASSWORD;
    static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;
    @Autowired
    UserRepository users;
    @Autowired
    OrgDirectory units;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    static String freshAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    String newUser() {
        return new ThrowawayUsers(users, units, encoder).create("thr", "限速测试", Role.EMPLOYEE, false).username();
    }

    MvcResult token(String username, String password, String address, String language) throws Exception {
        var req = post("/api/v1/auth/token").with(r -> { r.setRemoteAddr(address); return r; })
                .contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(Map.of("username", username, "password", password)));
        if (language != null) {
            req.header("Accept-Language", language);
        }
        return mvc.perform(req).andReturn();
    }

    void ageFailures(String key, int seconds) {
        jdbc.sql("UPDATE login_throttle SET last_failure_at = ? WHERE throttle_key = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(seconds)), key).update();
    }

    @Test
    void perAccountDelayGrowsThenEndsAndTheRightPasswordWorks() throws Exception {
        String user = newUser();
        for (int i = 0; i < 3; i++) {
            assertThat(token(user, "wrong-" + i, freshAddress(), null).getResponse().getStatus()).isEqualTo(401);
        }
        // from a new address the account itself is throttled, even with the right password
        ageFailures("user:" + user, 0); // a slow machine must not let the 1 s pass before we look
        MvcResult throttled = token(user, PASSWORD, freshAddress(), null);
        assertThat(throttled.getResponse().getStatus()).isEqualTo(429);
        assertThat(Api.json(throttled.getResponse().getContentAsString()).get("detail").asString())
                .isEqualTo("登录失败次数过多，请 1 秒后再试");
        ageFailures("user:" + user, 0);
        MvcResult english = token(user, PASSWORD, freshAddress(), "en");
        assertThat(english.getResponse().getStatus()).isEqualTo(429);
        assertThat(Api.json(english.getResponse().getContentAsString()).get("detail").asString())
                .contains("Too many failed sign-ins").contains("in 1 second");

        // a failure after the delay makes the next one longer: 2 s, then 4 s
        ageFailures("user:" + user, 5);
        assertThat(token(user, "wrong-again", freshAddress(), null).getResponse().getStatus()).isEqualTo(401);
        assertThat(Api.json(token(user, PASSWORD, freshAddress(), null).getResponse().getContentAsString())
                .get("detail").asString()).contains("请 2 秒后再试");
        ageFailures("user:" + user, 5);
        assertThat(token(user, "wrong-third", freshAddress(), null).getResponse().getStatus()).isEqualTo(401);
        assertThat(Api.json(token(user, PASSWORD, freshAddress(), null).getResponse().getContentAsString())
                .get("detail").asString()).contains("请 4 秒后再试");

        // the delay ends: the correct password works and clears the account's counter
        ageFailures("user:" + user, 10);
        assertThat(token(user, PASSWORD, freshAddress(), null).getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_throttle WHERE throttle_key = ?").param("user:" + user)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theDelayEndsByItselfWithoutTouchingTheDatabase() throws Exception {
        String user = newUser();
        for (int i = 0; i < 3; i++) {
            token(user, "wrong-" + i, freshAddress(), null);
        }
        ageFailures("user:" + user, 0);
        assertThat(token(user, PASSWORD, freshAddress(), null).getResponse().getStatus()).isEqualTo(429);
        Thread.sleep(1100);
        assertThat(token(user, PASSWORD, freshAddress(), null).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void perAddressDelayAppliesAcrossUsernames() throws Exception {
        String address = freshAddress();
        for (int i = 0; i < 3; i++) {
            String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(token(nobody, "guess-" + i, address, null).getResponse().getStatus()).isEqualTo(401);
        }
        String user = newUser();
        ageFailures("addr:" + address, 0);
        assertThat(token(user, PASSWORD, address, null).getResponse().getStatus()).isEqualTo(429);
        // the same person from elsewhere is not affected
        assertThat(token(user, PASSWORD, freshAddress(), null).getResponse().getStatus()).isEqualTo(200);
        ageFailures("addr:" + address, 5);
        assertThat(token(user, PASSWORD, address, null).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theLoginPageSaysHowLongToWait() throws Exception {
        String user = newUser();
        BrowserSession browser = new BrowserSession(freshAddress());
        for (int i = 0; i < 3; i++) {
            var failed = browser.login(mvc, user, "wrong-" + i);
            assertThat(failed.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        }
        assertThat(browser.send(mvc, get("/login?error")).getResponse().getContentAsString())
                .contains("用户名或密码错误");
        ageFailures("user:" + user, 0);
        browser.login(mvc, user, PASSWORD);
        String page = browser.send(mvc, get("/login?error")).getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"login-error\"").contains("登录失败次数过多，请 1 秒后再试");
        ageFailures("user:" + user, 5);
        ageFailures("addr:" + browser.address(), 5);
        assertThat(browser.login(mvc, user, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
    }
}
