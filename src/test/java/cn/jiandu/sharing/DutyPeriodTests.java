package cn.jiandu.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.calendar.WorkingCalendar;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.sharing.domain.DutyService;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/** 履职材料反馈: periods get folders in every space, first uploads are on time or late, reminders, on-time rates. */
@IntegrationTest
class DutyPeriodTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    DutyTimeliness timeliness;
    @Autowired
    DutyService duty;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;

    private long userId(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }

    private JsonNode declare(String code, LocalDate start, LocalDate due) throws Exception {
        MvcResult r = mvc.perform(Api.as(mvc, "admin", post("/api/v1/duty-periods"))
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(Map.of("code", code, "type", "QUARTER",
                        "startsOn", start.toString(), "dueOn", due.toString())))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        return Fixtures.json(r);
    }

    /** The period's folder in a space: 履职材料反馈 / 季度 / code. */
    private long periodFolder(String user, String role, String code) throws Exception {
        long duty = Fixtures.folder(mvc, user, role, "DUTY_MATERIALS");
        long quarter = child(user, duty, "季度");
        return child(user, quarter, code);
    }

    private long child(String user, long folder, String name) throws Exception {
        JsonNode page = Fixtures.json(mvc.perform(Api.as(mvc, user, get("/api/v1/folders/{id}/entries", folder)
                .param("q", name).param("size", "100"))).andReturn());
        for (JsonNode item : page.get("items")) {
            if (item.get("name").asString().equals(name) && item.get("type").asString().equals("FOLDER")) {
                return Long.parseLong(item.get("id").asString());
            }
        }
        throw new AssertionError("no folder " + name + " in " + page);
    }

    private Map<String, String> statuses(String periodId) throws Exception {
        JsonNode rows = Fixtures.json(mvc.perform(Api.as(mvc, "admin",
                get("/api/v1/duty-periods/{id}/submissions", periodId))).andReturn());
        Map<String, String> out = new HashMap<>();
        rows.forEach(r -> out.put(r.get("userId").asString(), r.get("status").asString()));
        return out;
    }

    @Test
    void firstUploadIsOnTimeOrLateAndRatesFollow() throws Exception {
        int n = ThreadLocalRandom.current().nextInt(100000, 999999);
        String future = "F" + n + "Q2";
        String past = "P" + n + "Q1";
        JsonNode f = declare(future, LocalDate.of(2098, 4, 1), LocalDate.of(2098, 7, 10));
        JsonNode p = declare(past, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 4, 10));
        for (String[] who : new String[][] {{"team1", "TEAM_SUPERVISOR"}, {"grid1", "GRID_SUPERVISOR"},
                {"inspector1", "BRANCH_INSPECTOR"}}) {
            assertThat(periodFolder(who[0], who[1], future)).isPositive();
        }
        long futureFolder = periodFolder("team1", "TEAM_SUPERVISOR", future);
        long pastFolder = periodFolder("team1", "TEAM_SUPERVISOR", past);
        Fixtures.uploaded(mvc, "team1", futureFolder, "材料.pdf", Fixtures.pdf("on time"));
        Fixtures.uploaded(mvc, "team1", pastFolder, "材料.pdf", Fixtures.pdf("late"));
        Fixtures.uploaded(mvc, "team1", pastFolder, "补充.pdf", Fixtures.pdf("second upload does not count"));

        Map<String, String> onTime = statuses(f.get("id").asString());
        assertThat(onTime.get(Long.toString(userId("team1")))).isEqualTo("ON_TIME");
        assertThat(onTime.get(Long.toString(userId("team2")))).isEqualTo("MISSING");
        assertThat(onTime.get(Long.toString(userId("grid1")))).isEqualTo("MISSING");
        assertThat(onTime).doesNotContainKey(Long.toString(userId("admin")));
        assertThat(statuses(p.get("id").asString()).get(Long.toString(userId("team1")))).isEqualTo("LATE");

        long team1 = userId("team1");
        assertThat(timeliness.onTimeRate(team1, LocalDate.of(2098, 1, 1), LocalDate.of(2098, 12, 31))).isEqualTo(1.0);
        assertThat(timeliness.onTimeRate(team1, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31))).isEqualTo(0.0);
        assertThat(timeliness.onTimeRate(userId("team2"), LocalDate.of(2098, 1, 1), LocalDate.of(2098, 12, 31)))
                .isEqualTo(0.0);
        assertThat(timeliness.onTimeRate(team1, LocalDate.of(1999, 1, 1), LocalDate.of(1999, 12, 31))).isNull();
        assertThat(timeliness.onTimeRate(userId("staff1"), LocalDate.of(2098, 1, 1), LocalDate.of(2098, 12, 31)))
                .isNull();

        assertThat(mvc.perform(Api.as(mvc, "team1", get("/api/v1/duty-periods/{id}/submissions",
                f.get("id").asString()))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void badPeriodsAre400And409() throws Exception {
        MvcResult backwards = mvc.perform(Api.as(mvc, "admin", post("/api/v1/duty-periods"))
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(Map.of("code", "X1", "type", "YEAR",
                        "startsOn", "2030-02-01", "dueOn", "2030-01-01")))).andReturn();
        assertThat(backwards.getResponse().getStatus()).isEqualTo(400);
        String code = "D" + ThreadLocalRandom.current().nextInt(100000, 999999);
        declare(code, LocalDate.of(2097, 1, 1), LocalDate.of(2097, 1, 31));
        MvcResult again = mvc.perform(Api.as(mvc, "admin", post("/api/v1/duty-periods"))
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(Map.of("code", code, "type", "QUARTER",
                        "startsOn", "2097-01-01", "dueOn", "2097-01-31")))).andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
    }

    @Test
    void remindsThoseWhoHaveNotSubmittedThreeWorkingDaysAhead() throws Exception {
        LocalDate due = LocalDate.of(2096, 9, 28);
        LocalDate today = due;
        while (calendar.workingDaysBetween(today, due) < 3) {
            today = today.minusDays(1);
        }
        String code = "R" + ThreadLocalRandom.current().nextInt(100000, 999999);
        declare(code, due.minusMonths(3), due);
        Fixtures.uploaded(mvc, "grid1", periodFolder("grid1", "GRID_SUPERVISOR", code), "交了.pdf", Fixtures.pdf("r"));

        assertThat(duty.remind(today.minusDays(7))).isEmpty();
        List<Long> reminded = duty.remind(today);
        assertThat(reminded).contains(userId("team2"), userId("grid2"), userId("inspector1"))
                .doesNotContain(userId("grid1"), userId("admin"));
        assertThat(duty.remind(today)).as("once per period").isEmpty();

        long team2 = userId("team2");
        long delivered = 0;
        for (int i = 0; i < 50 && delivered == 0; i++) {
            Thread.sleep(100);
            delivered = jdbc.sql("""
                    SELECT COUNT(*) FROM notification WHERE recipient_id = :u AND message_key = 'sharing.notify.dutyDue'
                    AND args LIKE :code""").param("u", team2).param("code", "%" + code + "%").query(Long.class).single();
        }
        assertThat(delivered).isEqualTo(1);
    }
}
