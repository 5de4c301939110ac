package cn.jiandu.training;

import static cn.jiandu.training.TrainingFixtures.appoint;
import static cn.jiandu.training.TrainingFixtures.checklist;
import static cn.jiandu.training.TrainingFixtures.code;
import static cn.jiandu.training.TrainingFixtures.item;
import static cn.jiandu.training.TrainingFixtures.now;
import static cn.jiandu.training.TrainingFixtures.plan;
import static cn.jiandu.training.TrainingFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.calendar.WorkingCalendar;
import cn.jiandu.exam.ExamGraded;
import cn.jiandu.exam.ExamPurpose;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.time.ClockConfig;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * 五个一 through events and the REST contract: a new appointment opens the checklist with the working-day deadline;
 * attendance of a matching session, a passed onboarding exam and the office's confirmation each complete an item;
 * the fifth publishes {@link OnboardingCompleted}; who may read and confirm.
 */
@IntegrationTest
class OnboardingApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory users;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkingCalendar calendar;

    String tag = UUID.randomUUID().toString().substring(0, 8);

    MockHttpServletResponse call(String who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(Api.as(mvc, who, request)).andReturn().getResponse();
    }

    MockHttpServletResponse confirm(String who, long appointmentId, String code, String doneOn, String comment)
            throws Exception {
        return call(who, post("/api/v1/onboarding/" + appointmentId + "/items/" + code + "/confirm")
                .contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(doneOn == null ? Map.of("comment", comment) : Map.of("doneOn", doneOn,
                        "comment", comment))));
    }

    @Test
    void everySourceCompletesItsItemAndTheFifthCompletesTheChecklist() throws Exception {
        UserView grid5 = users.findByUsername("grid5").orElseThrow();
        LocalDate starts = LocalDate.now(ClockConfig.ZONE);
        long a = appoint(events, tx, grid5.id(), Role.GRID_SUPERVISOR, grid5.orgUnitId(), starts);
        JsonNode c = checklist(mvc, a);
        assertThat(c.get("person").asString()).isEqualTo("云飞");
        assertThat(c.get("items").findValuesAsString("code")).containsExactly("THEORY", "METHOD", "WARNING",
                "DISCUSSION", "TEST");
        assertThat(c.get("items").findValues("doneAt")).allMatch(JsonNode::isNull);
        Instant due = calendar.deadlineAfter(starts.atStartOfDay(ClockConfig.ZONE).toInstant(), 30);
        assertThat(Instant.parse(java.time.OffsetDateTime.parse(c.get("dueAt").asString()).toInstant().toString()))
                .as("30 working days").isEqualTo(due);
        // a second delivery of the event opens nothing new
        tx.executeWithoutResult(s -> events.publishEvent(new cn.jiandu.selection.AppointmentStarted(a, grid5.id(),
                Role.GRID_SUPERVISOR, grid5.orgUnitId(), starts, starts.plusYears(3),
                cn.jiandu.selection.AppointmentOrigin.SELECTED)));

        // attending a 警示教育 session completes WARNING (from the session); a quarterly class completes nothing
        JsonNode w = plan(mvc, "admin", session("WARNING_EDUCATION", "警示教育 " + tag, now().minusMinutes(1),
                Duration.ofHours(1), List.of(), List.of(), List.of(String.valueOf(grid5.id()))));
        JsonNode q = plan(mvc, "admin", session("QUARTERLY_CLASS", "季度班 " + tag, now().minusMinutes(1),
                Duration.ofHours(1), List.of(), List.of(), List.of(String.valueOf(grid5.id()))));
        for (JsonNode s : List.of(w, q)) {
            assertThat(call("grid5", post("/api/v1/training-sessions/sign-in").contentType(MediaType.APPLICATION_JSON)
                    .content(Api.write(Map.of("code", code(mvc, "admin", s.get("id").asString()))))).getStatus())
                    .isEqualTo(200);
        }
        c = Api.json(call("grid5", get("/api/v1/onboarding/" + a)).getContentAsString());
        assertThat(item(c, "WARNING").get("source").asString()).isEqualTo("SESSION");
        assertThat(item(c, "WARNING").get("evidence").asString()).isEqualTo("警示教育 " + tag);
        assertThat(item(c, "THEORY").get("doneAt").isNull()).isTrue();
        assertThat(item(c, "METHOD").get("doneAt").isNull()).isTrue();

        // the organiser marking him present by hand completes DISCUSSION as well
        JsonNode d = plan(mvc, "admin", session("DISCUSSION", "座谈 " + tag, now().minusMinutes(1),
                Duration.ofHours(1), List.of(), List.of(), List.of(String.valueOf(users.findByUsername("staff1").orElseThrow().id()))));
        assertThat(call("admin", post("/api/v1/training-sessions/" + d.get("id").asString() + "/attendance")
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(Map.of("userId",
                        String.valueOf(grid5.id()), "status", "PRESENT", "reason", "手机没电，现场登记")))).getStatus())
                .isEqualTo(200);

        // a failed onboarding exam does nothing, a passed one completes TEST; another purpose does nothing
        graded(grid5.id(), ExamPurpose.ONBOARDING, false);
        graded(grid5.id(), ExamPurpose.OTHER, true);
        Thread.sleep(500);
        c = Api.json(call("grid5", get("/api/v1/onboarding/" + a)).getContentAsString());
        assertThat(item(c, "TEST").get("doneAt").isNull()).isTrue();
        graded(grid5.id(), ExamPurpose.ONBOARDING, true);
        c = waitFor(a, "TEST");
        assertThat(item(c, "TEST").get("source").asString()).isEqualTo("EXAM");
        assertThat(item(c, "DISCUSSION").get("source").asString()).isEqualTo("SESSION");

        // the office confirms the rest by hand; bad input and a done item are refused; others may not
        assertThat(confirm("admin", a, "THEORY", null, "x").getStatus()).isEqualTo(400);
        assertThat(confirm("admin", a, "THEORY", starts.plusDays(3).toString(), "x").getStatus()).isEqualTo(400);
        assertThat(confirm("admin", a, "THEORY", starts.toString(), " ").getStatus()).isEqualTo(400);
        assertThat(confirm("grid5", a, "THEORY", starts.toString(), "自学").getStatus()).isEqualTo(403);
        assertThat(confirm("admin", a, "WARNING", starts.toString(), "重复").getStatus()).as("done already")
                .isEqualTo(409);
        assertThat(confirm("admin", a, "NOPE", starts.toString(), "x").getStatus()).isEqualTo(404);
        assertThat(confirm("admin", a, "THEORY", starts.toString(), "支部理论学习记录").getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM onboarding WHERE appointment_id = :a AND completed_at IS NULL")
                .param("a", a).query(Long.class).single()).as("one item left").isEqualTo(1);
        var last = confirm("admin", a, "METHOD", starts.toString(), "网格现场带教");
        assertThat(last.getStatus()).isEqualTo(200);
        c = Api.json(last.getContentAsString());
        assertThat(item(c, "METHOD").get("source").asString()).isEqualTo("CONFIRMED");
        assertThat(c.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(c.get("completedAt").isNull()).isFalse();

        JsonNode done = Api.json(call("admin", get("/api/v1/onboarding?status=COMPLETED")).getContentAsString());
        assertThat(done.findValuesAsString("appointmentId")).contains(String.valueOf(a));
        JsonNode open = Api.json(call("admin", get("/api/v1/onboarding?status=OPEN")).getContentAsString());
        assertThat(open.findValuesAsString("appointmentId")).doesNotContain(String.valueOf(a));
        assertThat(call("admin", get("/api/v1/onboarding?status=WHATEVER")).getStatus()).isEqualTo(400);
    }

    @Test
    void heReadsHisOwnABranchSecretaryHisSubtreeOthersNothing() throws Exception {
        UserView grid3 = users.findByUsername("grid3").orElseThrow(); // 常乐网格, under 合浦分公司党支部
        long a = appoint(events, tx, grid3.id(), Role.GRID_SUPERVISOR, grid3.orgUnitId(),
                LocalDate.now(ClockConfig.ZONE).minusDays(90));
        checklist(mvc, a);
        assertThat(call("grid3", get("/api/v1/onboarding/" + a)).getStatus()).isEqualTo(200);
        assertThat(call("grid4", get("/api/v1/onboarding/" + a)).getStatus()).isEqualTo(404);
        assertThat(call("bs_hepu", get("/api/v1/onboarding/" + a)).getStatus()).isEqualTo(200);
        assertThat(call("bs_yinhai", get("/api/v1/onboarding/" + a)).getStatus()).isEqualTo(404);
        assertThat(call("grid3", get("/api/v1/onboarding")).getStatus()).isEqualTo(403);

        // started 90 days ago: overdue, listed as such for the office and for his branch secretary, not another
        JsonNode overdue = Api.json(call("admin", get("/api/v1/onboarding?status=OVERDUE")).getContentAsString());
        assertThat(overdue.findValuesAsString("appointmentId")).contains(String.valueOf(a));
        assertThat(Api.json(call("bs_hepu", get("/api/v1/onboarding?status=OVERDUE")).getContentAsString())
                .findValuesAsString("appointmentId")).contains(String.valueOf(a));
        assertThat(Api.json(call("bs_yinhai", get("/api/v1/onboarding")).getContentAsString())
                .findValuesAsString("appointmentId")).doesNotContain(String.valueOf(a));
        long unit = Api.orgUnitId(mvc, "银海分公司");
        assertThat(Api.json(call("admin", get("/api/v1/onboarding?unitId=" + unit)).getContentAsString())
                .findValuesAsString("appointmentId")).doesNotContain(String.valueOf(a));
    }

    private void graded(long userId, ExamPurpose purpose, boolean passed) {
        tx.executeWithoutResult(s -> events.publishEvent(new ExamGraded(7_000_000L, 7_000_000L + (passed ? 1 : 0),
                userId, purpose, null, passed ? new BigDecimal("90") : new BigDecimal("40"), new BigDecimal("100"),
                passed, Instant.now(), false)));
    }

    private JsonNode waitFor(long appointmentId, String code) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode c = Api.json(call("admin", get("/api/v1/onboarding/" + appointmentId)).getContentAsString());
            if (!item(c, code).get("doneAt").isNull() || System.nanoTime() > until) {
                return c;
            }
            Thread.sleep(100);
        }
    }
}
