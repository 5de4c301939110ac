package cn.jiandu.training;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.selection.AppointmentOrigin;
import cn.jiandu.selection.AppointmentStarted;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.time.ClockConfig;
import cn.jiandu.support.Api;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Sessions, codes and checklists for the training tests, made through the real endpoints and events. */
public final class TrainingFixtures {

    private TrainingFixtures() {
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ClockConfig.ZONE).truncatedTo(ChronoUnit.SECONDS);
    }

    public static Map<String, Object> session(String kind, String title, OffsetDateTime starts, Duration length,
            List<String> types, List<String> unitIds, List<String> userIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("title", title);
        body.put("startsAt", starts.toString());
        body.put("endsAt", starts.plus(length).toString());
        body.put("place", "北海分公司 3 楼会议室");
        body.put("audience", Map.of("types", types, "unitIds", unitIds, "userIds", userIds));
        return body;
    }

    /** Plans a session as {@code who}; returns its JSON (201 expected). */
    public static JsonNode plan(MockMvc mvc, String who, Map<String, Object> body) throws Exception {
        var r = mvc.perform(Api.as(mvc, who, post("/api/v1/training-sessions")).contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(body))).andReturn().getResponse();
        if (r.getStatus() != 201) {
            throw new AssertionError("plan: " + r.getStatus() + " " + r.getContentAsString());
        }
        return Api.json(r.getContentAsString());
    }

    public static String code(MockMvc mvc, String who, String sessionId) throws Exception {
        var r = mvc.perform(Api.as(mvc, who, get("/api/v1/training-sessions/" + sessionId + "/sign-in-code")))
                .andReturn().getResponse();
        if (r.getStatus() != 200) {
            throw new AssertionError("code: " + r.getStatus() + " " + r.getContentAsString());
        }
        return Api.json(r.getContentAsString()).get("code").asString();
    }

    public static long userId(MockMvc mvc, String username) throws Exception {
        JsonNode me = Api.json(mvc.perform(Api.as(mvc, username, get("/api/v1/me"))).andReturn().getResponse()
                .getContentAsString());
        return Long.parseLong(me.get("id").asString());
    }

    /** Publishes what the selection module publishes when someone takes office; returns the appointment id. */
    public static long appoint(ApplicationEventPublisher events, TransactionTemplate tx, long userId, Role type,
            long scopeUnitId, LocalDate startsOn) {
        long appointmentId = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        tx.executeWithoutResult(s -> events.publishEvent(new AppointmentStarted(appointmentId, userId, type,
                scopeUnitId, startsOn, startsOn.plusYears(3).minusDays(1), AppointmentOrigin.SELECTED)));
        return appointmentId;
    }

    /** The checklist as the admin reads it, waiting for the asynchronous listener to open it. */
    public static JsonNode checklist(MockMvc mvc, long appointmentId) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            var r = mvc.perform(Api.as(mvc, "admin", get("/api/v1/onboarding/" + appointmentId))).andReturn()
                    .getResponse();
            if (r.getStatus() == 200) {
                return Api.json(r.getContentAsString());
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("no checklist for appointment " + appointmentId + ": " + r.getStatus());
            }
            Thread.sleep(100);
        }
    }

    public static JsonNode item(JsonNode checklist, String code) {
        for (JsonNode i : checklist.get("items")) {
            if (code.equals(i.get("code").asString())) {
                return i;
            }
        }
        throw new AssertionError("no item " + code);
    }
}
