package cn.jiandu.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.exam.ExamGraded;
import cn.jiandu.exam.ExamPurpose;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.selection.AppointmentEnded;
import cn.jiandu.selection.AppointmentOrigin;
import cn.jiandu.selection.AppointmentStarted;
import cn.jiandu.shared.security.Role;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The ledger keeps its figures from the events of the problem, exam and selection modules; the rebuild recomputes
 * them from the source modules. After every kind of event both agree — and with a listener switched off the rebuild
 * finds the difference (so the agreement is not vacuous) and repairs it.
 */
@IntegrationTest
class LedgerIncrementalVsRebuildTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    LedgerRebuild rebuild;
    @Autowired
    UserDirectory users;
    @Autowired
    Clock clock;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.modulith.events.IncompleteEventPublications incomplete;

    void settle() throws InterruptedException {
        cn.jiandu.support.Events.settle(jdbc, incomplete, "LedgerListeners");
    }

    final long appointment = 800_000_000L + ThreadLocalRandom.current().nextInt(100_000_000);

    void publish(Object event) throws InterruptedException {
        tx.executeWithoutResult(s -> events.publishEvent(event));
        settle();
    }

    String today() {
        LocalDate d = LocalDate.now(clock);
        return String.format("%d-%02d", d.getYear(), d.getMonthValue());
    }

    List<String> mine(LedgerRebuild.Report r) {
        List<String> out = new ArrayList<>();
        for (String d : r.differences()) {
            if (d.contains("appointment " + appointment) || d.contains("figures " + appointment + "/")) {
                out.add(d);
            }
        }
        return out;
    }

    LedgerRebuild.Report rebuildThisMonth() throws InterruptedException {
        settle();
        LocalDate d = LocalDate.now(clock);
        return rebuild.rebuild(d.withDayOfMonth(1), d);
    }

    JsonNode metrics(String user) throws Exception {
        settle();
        String body = mvc.perform(Api.as(mvc, user, get("/api/v1/ledger/" + appointment + "?from=" + today())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Api.json(body).at("/periods/0");
    }

    String report(String title) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "台账测试：" + title);
        body.put("categoryCode", "SERVICE");
        body.put("orgUnitId", Api.orgUnitId(mvc, "渠道管理班组"));
        body.put("location", "现场");
        String res = mvc.perform(multipart("/api/v1/problems").file(new MockMultipartFile("problem", "",
                        MediaType.APPLICATION_JSON_VALUE, Api.write(body).getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + Api.token(mvc, "grid2")))
                .andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
        return Api.json(res).get("id").asString();
    }

    void act(String user, String id, String action) throws Exception {
        mvc.perform(Api.as(mvc, user, post("/api/v1/problems/" + id + "/actions").contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(Map.of("action", action, "comment", "台账测试"))))).andExpect(status().isOk());
    }

    void rate(String id, String rating) throws Exception {
        mvc.perform(Api.as(mvc, "grid2", post("/api/v1/problems/" + id + "/rating").contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(Map.of("rating", rating, "comment", "评价"))))).andExpect(status().isOk());
    }

    @Test
    void everyKindOfEventKeepsTheFiguresARebuildReproducesAndASilencedListenerIsCaught() throws Exception {
        long grid2 = users.findByUsername("grid2").orElseThrow().id();
        LocalDate d = LocalDate.now(clock);
        publish(new AppointmentStarted(appointment, grid2, Role.GRID_SUPERVISOR, Api.orgUnitId(mvc, "石康网格"),
                d.minusMonths(2), d.plusYears(2), AppointmentOrigin.IMPORTED));
        assertThat(mine(rebuildThisMonth())).isEmpty();
        JsonNode before = metrics("grid2");
        assertThat(before.at("/metrics/problemsReported").asInt()).as("a new appointment starts at nothing").isZero();
        assertThat(before.at("/metrics/materials").isNull()).as("no source for materials yet: null, not 0").isTrue();

        // reported → accepted → replied → 不满意 (reopened) → replied → 满意 (closed)
        String a = report("台账-" + appointment + "-a");
        assertThat(metrics("grid2").at("/metrics/problemsReported").asInt()).isEqualTo(1);
        assertThat(mine(rebuildThisMonth())).isEmpty();
        act("handler1", a, "ACCEPT");
        act("handler1", a, "REPLY");
        rate(a, "DISSATISFIED");
        assertThat(mine(rebuildThisMonth())).as("after a reopen").isEmpty();
        act("handler1", a, "REPLY");
        rate(a, "SATISFIED");
        assertThat(mine(rebuildThisMonth())).as("after the close").isEmpty();
        JsonNode m = metrics("grid2");
        assertThat(m.at("/metrics/problemsResolved").asInt()).isEqualTo(1);
        assertThat(m.at("/metrics/problemsSatisfied").asInt()).isEqualTo(1);
        assertThat(m.at("/links/problemsResolved/0").asString()).isEqualTo(a);

        // a second report transferred as a clue by the office
        String b = report("台账-" + appointment + "-b");
        act("admin", b, "TRANSFER_CLUE");
        assertThat(mine(rebuildThisMonth())).as("after a transfer").isEmpty();
        m = metrics("grid2");
        assertThat(m.at("/metrics/problemsReported").asInt()).isEqualTo(2);
        assertThat(m.at("/metrics/problemsTransferred").asInt()).isEqualTo(1);

        // exams: best and latest, a re-grade replacing the attempt's figure
        long attempt = appointment;
        Instant now = clock.instant();
        publish(new ExamGraded(1, attempt, grid2, ExamPurpose.QUARTERLY_CLASS, null, new BigDecimal("45"),
                new BigDecimal("50"), true, now.minusSeconds(60), false));
        publish(new ExamGraded(2, attempt + 1, grid2, ExamPurpose.OTHER, null, new BigDecimal("70"),
                new BigDecimal("100"), true, now, false));
        m = metrics("grid2");
        assertThat(m.at("/metrics/examBest").decimalValue()).isEqualByComparingTo("90");
        assertThat(m.at("/metrics/examLatest").decimalValue()).isEqualByComparingTo("70");
        publish(new ExamGraded(1, attempt, grid2, ExamPurpose.QUARTERLY_CLASS, null, new BigDecimal("40"),
                new BigDecimal("50"), true, now.minusSeconds(60), true));
        assertThat(metrics("grid2").at("/metrics/examBest").decimalValue()).isEqualByComparingTo("80");

        // the office reads it, another supervisor gets 404, a handler 403
        assertThat(metrics("admin").at("/metrics/problemsReported").asInt()).isEqualTo(2);
        mvc.perform(Api.as(mvc, "grid1", get("/api/v1/ledger/" + appointment))).andExpect(status().isNotFound());
        mvc.perform(Api.as(mvc, "handler1", get("/api/v1/ledger/" + appointment))).andExpect(status().isForbidden());

        // a listener switched off: the rebuild reports what it missed, repairs it, and then agrees again
        LedgerListeners.LISTENING.set(false);
        String c;
        try {
            c = report("台账-" + appointment + "-c");
            settle();
        } finally {
            LedgerListeners.LISTENING.set(true);
        }
        assertThat(metrics("grid2").at("/metrics/problemsReported").asInt()).as("missed").isEqualTo(2);
        List<String> found = mine(rebuildThisMonth());
        assertThat(found).anySatisfy(x -> assertThat(x).contains("of appointment " + appointment)
                .contains("kept none"));
        assertThat(metrics("grid2").at("/metrics/problemsReported").asInt()).as("repaired").isEqualTo(3);
        assertThat(metrics("grid2").at("/links/problemsReported").toString()).contains(c);
        assertThat(mine(rebuildThisMonth())).isEmpty();

        // the appointment ends: the register says so, and the rebuild still agrees
        publish(new AppointmentEnded(appointment, grid2, Role.GRID_SUPERVISOR, d.plusDays(1),
                AppointmentEnded.EndReason.RESIGNED));
        assertThat(mine(rebuildThisMonth())).isEmpty();
    }

    @Test
    void theRebuildIsTheOfficesAndAnswersWithWhatItChecked() throws Exception {
        String body = mvc.perform(Api.as(mvc, "admin", post("/api/v1/ledger/rebuild")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"" + today() + "\"}")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode r = Api.json(body);
        assertThat(r.has("checked")).isTrue();
        assertThat(r.get("differences").isArray()).isTrue();
        mvc.perform(Api.as(mvc, "secretary", post("/api/v1/ledger/rebuild"))).andExpect(status().isForbidden());
        mvc.perform(Api.as(mvc, "admin", get("/api/v1/ledger?period=2026-Q5"))).andExpect(status().isBadRequest());
    }
}
