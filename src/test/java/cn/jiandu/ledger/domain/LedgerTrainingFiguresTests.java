package cn.jiandu.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.selection.AppointmentOrigin;
import java.io.ByteArrayInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import cn.jiandu.shared.security.Role;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.LedgerSupervisors;
import cn.jiandu.training.TrainingFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The ledger's training figures: 警示教育 attended, 谈心谈话 recorded and 五个一 read from the training module;
 * 优秀案例入选 kept from {@code CaseSelected}, reproduced by the rebuild, and a silenced listener caught by it.
 */
@IntegrationTest
class LedgerTrainingFiguresTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext ctx;
    @Autowired
    LedgerRebuild rebuild;
    @Autowired
    Clock clock;

    long appointment;
    LedgerSupervisors supervisors;

    JsonNode metrics() throws Exception {
        supervisors.settle();
        LocalDate d = LocalDate.now(clock);
        String month = String.format("%d-%02d", d.getYear(), d.getMonthValue());
        String body = mvc.perform(Api.as(mvc, "grid2", get("/api/v1/ledger/" + appointment + "?from=" + month)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Api.json(body).at("/periods/0");
    }

    List<String> mine(LedgerRebuild.Report r) {
        List<String> out = new ArrayList<>();
        r.differences().stream().filter(d -> d.contains("appointment " + appointment)).forEach(out::add);
        return out;
    }

    LedgerRebuild.Report rebuildThisMonth() throws InterruptedException {
        supervisors.settle();
        LocalDate d = LocalDate.now(clock);
        return rebuild.rebuild(d.withDayOfMonth(1), d);
    }

    /** grid2 submits an excellent case, the office accepts and publishes it: it is selected by publishing. */
    String selectedCase() throws Exception {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("title", "台账案例 " + UUID.randomUUID().toString().substring(0, 8));
        b.put("background", "网格内代理商较多。");
        b.put("finding", "走访 12 户群众，发现 5 笔强制捆绑副卡。");
        b.put("handling", "通过监督一点通上报，市场经营部约谈代理商并退费。");
        b.put("effect", "群众满意。");
        String res = mvc.perform(multipart("/api/v1/cases").file(new MockMultipartFile("case", "",
                        MediaType.APPLICATION_JSON_VALUE, Api.write(b).getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + Api.token(mvc, "grid2")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String id = Api.json(res).get("id").asString();
        for (String action : List.of("ACCEPT", "PUBLISH")) {
            mvc.perform(Api.as(mvc, "admin", post("/api/v1/cases/" + id + "/actions"))
                    .contentType(MediaType.APPLICATION_JSON).content(Api.write(Map.of("action", action))))
                    .andExpect(status().isOk());
        }
        return id;
    }

    @Test
    void trainingFiguresFillTheLedgerAndSelectedCasesSurviveTheRebuild() throws Exception {
        supervisors = LedgerSupervisors.in(ctx);
        appointment = supervisors.appoint(AppointmentOrigin.SELECTED, Role.GRID_SUPERVISOR,
                Api.orgUnitId(mvc, "石康网格"), LocalDate.now(clock).withDayOfMonth(1), "grid2").get(0);
        cn.jiandu.support.Events.settle(ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class),
                ctx.getBean(org.springframework.modulith.events.IncompleteEventPublications.class),
                "TrainingListeners");
        JsonNode before = metrics();
        int warning = before.at("/metrics/warningEducation").asInt();
        int talks = before.at("/metrics/talks").asInt();
        int cases = before.at("/metrics/casesSelected").asInt();
        assertThat(before.at("/metrics/onboardingDone").isNumber()).as("a new checklist").isTrue();
        assertThat(before.at("/metrics/onboardingDone").asInt()).isZero();
        assertThat(before.at("/metrics/materials").isNull()).as("no source yet").isTrue();

        // a talk he records
        mvc.perform(Api.as(mvc, "grid2", post("/api/v1/talks")).contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(Map.of("withDescription", "网格内新入职装维人员", "heldOn",
                        LocalDate.now(clock).toString(), "topic", "廉洁从业", "summary", "谈话要点"))))
                .andExpect(status().isCreated());
        // a warning-education session he attended (marked by the organiser): also his 五个一 item 警示教育
        long grid2 = supervisors.userId("grid2");
        JsonNode s = TrainingFixtures.plan(mvc, "admin", TrainingFixtures.session("WARNING_EDUCATION",
                "台账警示教育 " + appointment, TrainingFixtures.now().minusMinutes(1), Duration.ofHours(1), List.of(),
                List.of(), List.of(String.valueOf(grid2))));
        mvc.perform(Api.as(mvc, "admin", post("/api/v1/training-sessions/" + s.get("id").asString() + "/attendance"))
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(Map.of("userId", String.valueOf(grid2),
                        "status", "PRESENT", "reason", "现场签到表"))))
                .andExpect(status().isOk());
        // an excellent case of his, selected
        String caseId = selectedCase();

        JsonNode after = metrics();
        assertThat(after.at("/metrics/talks").asInt()).isEqualTo(talks + 1);
        assertThat(after.at("/metrics/warningEducation").asInt()).isEqualTo(warning + 1);
        assertThat(after.at("/metrics/onboardingDone").asInt()).isEqualTo(1);
        assertThat(after.at("/metrics/casesSelected").asInt()).isEqualTo(cases + 1);
        assertThat(after.at("/links/casesSelected").toString()).contains(caseId);
        assertThat(mine(rebuildThisMonth())).as("the rebuild agrees").isEmpty();

        // the listener silenced for one case: the rebuild reports it, repairs it, then agrees
        LedgerListeners.LISTENING.set(false);
        String missed;
        try {
            missed = selectedCase();
            supervisors.settle();
        } finally {
            LedgerListeners.LISTENING.set(true);
        }
        assertThat(metrics().at("/metrics/casesSelected").asInt()).as("missed").isEqualTo(cases + 1);
        assertThat(mine(rebuildThisMonth())).anySatisfy(d -> assertThat(d).contains("case " + missed)
                .contains("kept none"));
        assertThat(metrics().at("/metrics/casesSelected").asInt()).as("repaired").isEqualTo(cases + 2);
        assertThat(mine(rebuildThisMonth())).isEmpty();

        // the export: his row (his scope only) with the figures the API shows, an absent figure an empty cell
        JsonNode now = metrics();
        LocalDate d = LocalDate.now(clock);
        String month = String.format("%d-%02d", d.getYear(), d.getMonthValue());
        Map<String, String> row = exportRow("grid2", month);
        assertThat(row).isNotNull();
        assertThat(row.get("谈心谈话")).isEqualTo(String.valueOf(now.at("/metrics/talks").asDouble()));
        assertThat(row.get("优秀案例入选")).isEqualTo(String.valueOf((double) (cases + 2)));
        assertThat(row.get("监督支撑材料")).as("no figure, no 0").isEmpty();
        assertThat(row.get("监督员类型")).isEqualTo("网格监督员");
        assertThat(exportRow("grid1", month)).as("another's ledger").isNull();
    }

    /** This test's appointment's row in the caller's ledger export of the month (header → text), or null. */
    Map<String, String> exportRow(String user, String month) throws Exception {
        byte[] x = mvc.perform(Api.as(mvc, user, get("/api/v1/ledger/export.xlsx").param("period", month)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x))) {
            Sheet sheet = wb.getSheetAt(0);
            Row head = sheet.getRow(0);
            for (Row r : sheet) {
                if (r.getRowNum() > 0 && r.getCell(1).getStringCellValue().equals(String.valueOf(appointment))) {
                    Map<String, String> out = new LinkedHashMap<>();
                    for (int c = 0; c < head.getLastCellNum(); c++) {
                        Cell cell = r.getCell(c);
                        out.put(head.getCell(c).getStringCellValue(), cell == null ? ""
                                : cell.getCellType() == CellType.NUMERIC ? String.valueOf(cell.getNumericCellValue())
                                : cell.getStringCellValue());
                    }
                    return out;
                }
            }
        }
        return null;
    }
}
