package cn.jiandu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.identity.domain.User;
import cn.jiandu.identity.domain.UserRepository;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.shared.security.Role;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Finding 10 of issue 15: a direct client's {@code X-Forwarded-For} was believed (sprayed logins escaped the
 * per-address throttle, the audit trail recorded the spoofed address) and {@code X-Forwarded-Host} steered the
 * login redirect to another host. With no proxy configured (the default) Tomcat ignores them. Over real HTTP: the
 * headers are handled by Tomcat's valve, which MockMvc bypasses.
 */
@IntegrationTest
class ForwardedHeadersTests {

    @LocalServerPort
    int port;
    @Autowired
    UserRepository users;
    @Autowired
    OrgDirectory units;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSpoofedClientAddressIsNotWhatTheAuditRecords() throws Exception {
        User u = new ThrowawayUsers(users, units, encoder).create("xff", "转发头测试", Role.HANDLER, false);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/auth/token")).header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113.77")
                .POST(HttpRequest.BodyPublishers.ofString(Api.write(Map.of("username", u.username(), "password",
                        ThrowawayUsers.PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(jdbc.sql("""
                SELECT address FROM audit_entry WHERE action = 'auth.token.issue' AND actor_name = :u""")
                .param("u", u.username()).query(String.class).list()).containsExactly("127.0.0.1");
    }

    @Test
    void aForwardedHostDoesNotSteerTheLoginRedirect() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/account")).header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https").header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/login").doesNotContain("evil.example").doesNotStartWith("https:");
    }
}
