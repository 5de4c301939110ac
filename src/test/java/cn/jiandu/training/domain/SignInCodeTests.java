package cn.jiandu.training.domain;

import static cn.jiandu.training.TrainingFixtures.now;
import static cn.jiandu.training.TrainingFixtures.plan;
import static cn.jiandu.training.TrainingFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.shared.Refusal;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The signed, expiring sign-in codes: rotation, expiry, signature, another session's code, the window. */
@IntegrationTest
class SignInCodeTests {

    @Autowired
    SignInCodes codes;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory users;

    String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aCodeIsTheSameWithinItsSlotNewInTheNextAndExpiresAfterTheGrace() {
        Instant t = Instant.parse("2026-03-02T01:00:00Z");
        SignInCodes.Issued a = codes.issueAt(42, t);
        assertThat(codes.issueAt(42, t.plusSeconds(29)).code()).isEqualTo(a.code());
        assertThat(codes.issueAt(42, t.plusSeconds(30)).code()).isNotEqualTo(a.code());
        assertThat(a.expiresAt()).isEqualTo(t.plusSeconds(30 + 15));
        assertThat(codes.issueAt(43, t).code()).as("bound to the session").isNotEqualTo(a.code());
        // issued in 2026-03: long expired now
        assertThatThrownBy(() -> codes.verify(a.code())).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.messageKey()).isEqualTo("training.signIn.expired"));
    }

    @Test
    void aFreshCodeVerifiesAndAnyEditIsForged() {
        SignInCodes.Issued c = codes.issue(7);
        assertThat(codes.verify(c.code()).sessionId()).isEqualTo(7);
        String[] p = c.code().split("\\.");
        for (String bad : List.of(p[0] + "." + 8 + "." + p[2] + "." + p[3],
                p[0] + "." + p[1] + "." + (Long.parseLong(p[2]) + 3600) + "." + p[3], "J1.7", "", "garbage",
                "J1.x.y.z", c.code() + "x")) {
            assertThatThrownBy(() -> codes.verify(bad)).as(bad).isInstanceOfSatisfying(Refusal.class,
                    r -> assertThat(r.messageKey()).isEqualTo("training.signIn.forged"));
        }
    }

    MockHttpServletResponse signIn(String who, Map<String, Object> body) throws Exception {
        return mvc.perform(Api.as(mvc, who, post("/api/v1/training-sessions/sign-in"))
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(body))).andReturn().getResponse();
    }

    @Test
    void expiredOtherSessionsAndOutsideTheWindowAreRefusedSayingWhich() throws Exception {
        String grid2 = String.valueOf(users.findByUsername("grid2").orElseThrow().id());
        JsonNode now = plan(mvc, "admin", session("THEORY", "理论学习 " + tag, now().minusMinutes(2),
                Duration.ofHours(1), List.of(), List.of(), List.of(grid2)));
        JsonNode other = plan(mvc, "admin", session("METHOD", "方法指导 " + tag, now().minusMinutes(2),
                Duration.ofHours(1), List.of(), List.of(), List.of(grid2)));
        JsonNode later = plan(mvc, "admin", session("THEORY", "明日学习 " + tag, now().plusDays(1),
                Duration.ofHours(1), List.of(), List.of(), List.of(grid2)));
        long nowId = Long.parseLong(now.get("id").asString());

        var expired = signIn("grid2", Map.of("code", codes.issueAt(nowId, Instant.now().minusSeconds(60)).code()));
        assertThat(expired.getStatus()).isEqualTo(400);
        assertThat(Api.json(expired.getContentAsString()).get("detail").asString()).contains("过期");

        var wrong = signIn("grid2", Map.of("code", codes.issue(Long.parseLong(other.get("id").asString())).code(),
                "sessionId", String.valueOf(nowId)));
        assertThat(wrong.getStatus()).isEqualTo(400);
        assertThat(Api.json(wrong.getContentAsString()).get("detail").asString()).contains("另一场");

        var early = signIn("grid2", Map.of("code", codes.issue(Long.parseLong(later.get("id").asString())).code()));
        assertThat(early.getStatus()).as("a genuine code outside the window").isEqualTo(409);

        var ok = signIn("grid2", Map.of("code", codes.issue(nowId).code(), "sessionId", String.valueOf(nowId)));
        assertThat(ok.getStatus()).isEqualTo(200);
    }
}
