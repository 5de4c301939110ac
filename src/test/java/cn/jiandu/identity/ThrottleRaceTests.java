package cn.jiandu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.jiandu.identity.domain.UserRepository;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.shared.security.Role;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Finding 11 of issue 15: twelve parallel guesses released together when a delay ran out were all checked, and the
 * current password could be guessed through {@code PUT /api/v1/me/password} without any delay.
 */
@IntegrationTest
class ThrottleRaceTests {

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

    String newUser() {
        return new ThrowawayUsers(users, units, encoder).create("race", "限速并发", Role.EMPLOYEE, false).username();
    }

    int token(String username, String password, String address) throws Exception {
        return mvc.perform(post("/api/v1/auth/token").with(r -> { r.setRemoteAddr(address); return r; })
                .contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(Map.of("username", username, "password", password)))).andReturn().getResponse()
                .getStatus();
    }

    @Test
    void guessesReleasedTogetherWhenTheDelayEndsGetOneCheck() throws Exception {
        String user = newUser();
        // five failures behind the account, the last one 10 s ago: its 4 s delay has just run out
        jdbc.sql("INSERT INTO login_throttle (throttle_key, failures, last_failure_at) VALUES (?, 5, ?)")
                .params("user:" + user, Timestamp.from(Instant.now().minusSeconds(10))).update();
        int n = 12;
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String address = "10.78.1." + (i + 1);
                futures.add(pool.submit(() -> {
                    start.await();
                    return token(user, "guess-" + address, address);
                }));
            }
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses.stream().filter(s -> s == 401).count()).as("checked guesses in %s", statuses)
                .isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(n - 1);
    }

    @Test
    void guessingTheCurrentPasswordThroughThePasswordChangeIsThrottled() throws Exception {
        String user = newUser();
        String token = Api.issue(mvc, user, ThrowawayUsers.PASSWORD);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            statuses.add(mvc.perform(put("/api/v1/me/password").header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).content(Api.write(Map.of("currentPassword",
                            "guess-" + i, "newPassword", "a quiet river at dawn")))).andReturn().getResponse()
                    .getStatus());
        }
        assertThat(statuses.subList(0, 3)).containsOnly(400);
        assertThat(statuses.stream().filter(s -> s == 400).count()).as("checked guesses in %s", statuses)
                .isLessThanOrEqualTo(4);
        assertThat(statuses).contains(429);
    }
}
