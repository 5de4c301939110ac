package cn.jiandu.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * Duty materials (issue 9, major 13) as those who must submit and the office meet them: the due date and one's own
 * state (未提交 / 按时 / 逾期) on the period folder, the home page and the API; 提交情况 by state and unit, as .xlsx;
 * 催交 reaching only those still missing.
 */
@IntegrationTest
class DutyMaterialsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    OrgDirectory org;
    @Autowired
    JianduUserDetailsService details;
    @Autowired
    JdbcClient jdbc;

    record Periods(String soonId, String soon, LocalDate soonDue, String pastId, String past) {
    }

    /** Two periods: one due in three weeks (team1 submits: 按时), one due ten days ago (team1 submits now: 逾期). */
    private Periods periods() throws Exception {
        int n = ThreadLocalRandom.current().nextInt(100000, 999999);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String soon = "S" + n + "Q4";
        String past = "L" + n + "Q3";
        LocalDate soonDue = today.plusDays(21);
        String soonId = declare(soon, today.minusMonths(2), soonDue);
        String pastId = declare(past, today.minusMonths(3), today.minusDays(10));
        Fixtures.uploaded(mvc, "team1", periodFolder("team1", "TEAM_SUPERVISOR", soon), "材料.pdf", Fixtures.pdf("s"));
        Fixtures.uploaded(mvc, "team1", periodFolder("team1", "TEAM_SUPERVISOR", past), "补交.pdf", Fixtures.pdf("l"));
        return new Periods(soonId, soon, soonDue, pastId, past);
    }

    @Test
    void everyoneWhoMustSubmitSeesTheDueDateAndHisOwnStateOnTheFolderTheHomePageAndTheApi() throws Exception {
        Periods p = periods();
        Map<String, JsonNode> team1 = mine("team1");
        assertThat(team1.get(p.soon()).get("status").asString()).isEqualTo("ON_TIME");
        assertThat(team1.get(p.soon()).get("dueOn").asString()).isEqualTo(p.soonDue().toString());
        assertThat(team1.get(p.past()).get("status").asString()).isEqualTo("LATE");
        Map<String, JsonNode> team2 = mine("team2");
        assertThat(team2.get(p.soon()).get("status").asString()).isEqualTo("MISSING");
        assertThat(team2.get(p.soon()).get("overdue").asBoolean()).isFalse();
        assertThat(team2.get(p.past()).get("overdue").asBoolean()).isTrue();
        assertThat(mine("admin")).as("the office submits nothing").isEmpty();

        long folder = periodFolder("team2", "TEAM_SUPERVISOR", p.soon());
        String missing = page("team2", "/sharing/folders/" + folder);
        assertThat(missing).contains("data-testid=\"duty-banner\"", "截止 " + p.soonDue(), "data-state=\"MISSING\"")
                .doesNotContain("data-state=\"ON_TIME\"");
        assertThat(page("team1", "/sharing/folders/" + folder)).contains("data-state=\"ON_TIME\"", "按时")
                .doesNotContain("data-state=\"MISSING\"");

        // the home page: what he still owes first (team2 owes this period), then what he submitted
        assertThat(page("team2", "/")).contains("data-testid=\"home-agenda\"", "履职材料 " + p.soon(),
                "截止 " + p.soonDue(), "data-testid=\"agenda-MISSING\"");
        assertThat(page("team1", "/")).contains("data-testid=\"home-agenda\"", "data-testid=\"agenda-ON_TIME\"");
        LocalDate history = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(60);
        assertThat(team2.values()).as("a period due more than two months ago is history")
                .noneMatch(d -> LocalDate.parse(d.get("dueOn").asString()).isBefore(history));
        assertThat(page("staff1", "/")).doesNotContain("data-testid=\"home-agenda\"");
    }

    @Test
    void theOfficeFiltersSubmissionsByStateAndUnitAndExportsThem() throws Exception {
        Periods p = periods();
        String team1 = id("team1");
        String team2 = id("team2");
        List<JsonNode> missing = submissions(p.soonId(), "status=MISSING");
        assertThat(missing).isNotEmpty().allMatch(r -> r.get("status").asString().equals("MISSING"));
        assertThat(ids(missing)).contains(team2).doesNotContain(team1);
        assertThat(ids(submissions(p.soonId(), "status=ON_TIME"))).contains(team1).doesNotContain(team2);

        long unit = users.findByUsername("team1").orElseThrow().orgUnitId();
        List<JsonNode> inUnit = submissions(p.soonId(), "orgUnitId=" + unit);
        assertThat(ids(inUnit)).contains(team1);
        assertThat(inUnit).allMatch(r -> org.isWithin(Long.parseLong(r.get("orgUnitId").asString()), unit));
        List<JsonNode> all = submissions(p.soonId(), "");
        assertThat(all.size()).as("the unit narrows the list").isGreaterThan(inUnit.size());
        mvc.perform(Api.as(mvc, "admin", get("/api/v1/duty-periods/{id}/submissions?status=SOON", p.soonId())))
                .andExpect(status().isBadRequest());

        String html = page("admin", "/sharing/duty/" + p.soonId() + "?status=MISSING");
        assertThat(html).contains("data-testid=\"submission-" + team2 + "\"", "data-testid=\"urge-all\"")
                .doesNotContain("data-testid=\"submission-" + team1 + "\"");

        byte[] xlsx = mvc.perform(get("/sharing/duty/{id}/export.xlsx", p.soonId()).param("status", "MISSING")
                .with(Pages.as(details, "admin"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        List<String> names = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("我的状态");
            for (Row row : sheet) {
                if (row.getRowNum() > 1 && row.getCell(3) != null) {
                    assertThat(row.getCell(3).getStringCellValue()).isEqualTo("未提交");
                    names.add(row.getCell(0).getStringCellValue());
                }
            }
        }
        assertThat(names).contains(name("team2")).doesNotContain(name("team1")).hasSize(missing.size());
    }

    @Test
    void aReminderReachesOnlyThoseStillMissing() throws Exception {
        Periods p = periods();
        MvcResult r = mvc.perform(Api.as(mvc, "admin", post("/api/v1/duty-periods/{id}/reminders", p.soonId()))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk()).andReturn();
        JsonNode urged = Fixtures.json(r);
        List<String> reached = new ArrayList<>();
        urged.get("userIds").forEach(u -> reached.add(u.asString()));
        assertThat(reached).contains(id("team2"), id("grid1"), id("inspector1")).doesNotContain(id("team1"), id("admin"));
        assertThat(urged.get("reminded").asInt()).isEqualTo(reached.size());
        assertThat(delivered("team2", p.soon())).isEqualTo(1);
        assertThat(delivered("team1", p.soon())).as("team1 submitted").isZero();

        // the picked ones only, and a picked member who has submitted is skipped
        JsonNode picked = Fixtures.json(mvc.perform(Api.as(mvc, "admin",
                        post("/api/v1/duty-periods/{id}/reminders", p.pastId())).contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(Map.of("userIds", List.of(id("team1"), id("grid2")))))).andReturn());
        assertThat(picked.get("reminded").asInt()).isEqualTo(1);
        assertThat(picked.get("userIds").get(0).asString()).isEqualTo(id("grid2"));
        assertThat(delivered("grid2", p.past())).isEqualTo(1);
        assertThat(delivered("team2", p.past())).as("not picked").isZero();

        mvc.perform(Api.as(mvc, "team1", post("/api/v1/duty-periods/{id}/reminders", p.soonId()))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        // the page's 催交选中 with nothing ticked is refused, not widened to everyone
        mvc.perform(post("/sharing/duty/{id}/reminders", p.pastId()).param("picked", "1").with(csrf())
                .with(Pages.as(details, "admin"))).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "请先勾选要催交的人员"));
        Thread.sleep(500);
        assertThat(delivered("team2", p.past())).isZero();
    }

    /** The inbox rows of one user for this period's 催交, waiting for the asynchronous delivery. */
    private long delivered(String user, String code) throws Exception {
        long n = 0;
        for (int i = 0; i < 50; i++) {
            n = jdbc.sql("""
                    SELECT COUNT(*) FROM notification WHERE recipient_id = :u AND message_key = 'sharing.notify.dutyUrge'
                    AND args LIKE :code""").param("u", Long.parseLong(id(user))).param("code", "%" + code + "%")
                    .query(Long.class).single();
            if (n > 0) {
                return n;
            }
            Thread.sleep(100);
        }
        return n;
    }

    private Map<String, JsonNode> mine(String user) throws Exception {
        JsonNode list = Fixtures.json(mvc.perform(Api.as(mvc, user, get("/api/v1/duty-periods/mine")))
                .andExpect(status().isOk()).andReturn());
        Map<String, JsonNode> out = new HashMap<>();
        list.forEach(d -> out.put(d.get("code").asString(), d));
        return out;
    }

    private List<JsonNode> submissions(String periodId, String query) throws Exception {
        JsonNode rows = Fixtures.json(mvc.perform(Api.as(mvc, "admin",
                get("/api/v1/duty-periods/" + periodId + "/submissions?" + query))).andExpect(status().isOk())
                .andReturn());
        List<JsonNode> out = new ArrayList<>();
        rows.forEach(out::add);
        return out;
    }

    private static List<String> ids(List<JsonNode> rows) {
        return rows.stream().map(r -> r.get("userId").asString()).toList();
    }

    private String id(String username) {
        return Long.toString(users.findByUsername(username).orElseThrow().id());
    }

    private String name(String username) {
        return users.findByUsername(username).orElseThrow().displayName();
    }

    private String page(String user, String path) throws Exception {
        return mvc.perform(get(path).with(Pages.as(details, user))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String declare(String code, LocalDate start, LocalDate due) throws Exception {
        MvcResult r = mvc.perform(Api.as(mvc, "admin", post("/api/v1/duty-periods"))
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(Map.of("code", code, "type", "QUARTER",
                        "startsOn", start.toString(), "dueOn", due.toString())))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        return Fixtures.json(r).get("id").asString();
    }

    private long periodFolder(String user, String role, String code) throws Exception {
        long duty = Fixtures.folder(mvc, user, role, "DUTY_MATERIALS");
        return child(user, child(user, duty, "季度"), code);
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
}
