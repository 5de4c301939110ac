package cn.jiandu.selection;

import static cn.jiandu.support.Api.as;
import static cn.jiandu.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.domain.User;
import cn.jiandu.identity.domain.UserRepository;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.selection.domain.Appointment;
import cn.jiandu.selection.domain.AppointmentService;
import cn.jiandu.shared.security.Role;
import cn.jiandu.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The register's REST contract per role: who reads which appointment (404 otherwise), ending, coverage, export. */
@IntegrationTest
class AppointmentApiTests {

    @Autowired MockMvc mvc;
    @Autowired UserDirectory users;
    @Autowired UserRepository userRepository;
    @Autowired OrgDirectory org;
    @Autowired AppointmentService service;

    private final LocalDate today = LocalDate.now(cn.jiandu.shared.time.ClockConfig.ZONE);

    private String idOf(String username) {
        return String.valueOf(users.findByUsername(username).orElseThrow().id());
    }

    private JsonNode getJson(String user, String url) throws Exception {
        return json(mvc.perform(as(mvc, user, get(url))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private List<JsonNode> all(String user, String query) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = getJson(user, "/api/v1/appointments?size=100" + query
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("items").forEach(out::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        return out;
    }

    private JsonNode appointmentOf(String reader, String username) throws Exception {
        return all(reader, "&userId=" + idOf(username)).stream().findFirst().orElse(null);
    }

    @Test
    void theOfficeReadsTheWholeRegisterInTheContractsShape() throws Exception {
        JsonNode a = appointmentOf("admin", "team1");
        assertThat(a).isNotNull();
        assertThat(a.get("id").isString()).isTrue();
        assertThat(a.get("userId").asString()).isEqualTo(idOf("team1"));
        assertThat(a.get("person").asString()).isEqualTo("黄伟");
        assertThat(a.get("type").asString()).isEqualTo("TEAM_SUPERVISOR");
        assertThat(a.get("scopeUnitId").asString()).isEqualTo(String.valueOf(org.findByName("渠道管理班组").orElseThrow().id()));
        assertThat(a.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(a.get("origin").asString()).isEqualTo("NOMINATION");
        assertThat(a.get("number").asString()).matches("JDPR-2024-\\d{4}");
        assertThat(a.get("termStart").asString()).isEqualTo("2024-06-20");
        assertThat(a.get("termEnd").asString()).isEqualTo("2027-06-19");
        assertThat(a.has("certificate")).isTrue();
        assertThat(appointmentOf("admin", "grid5").get("origin").asString()).isEqualTo("IMPORTED");
        assertThat(appointmentOf("secretary", "grid5")).isNotNull();
        JsonNode one = getJson("secretary", "/api/v1/appointments/" + a.get("id").asString());
        assertThat(one.get("number").asString()).isEqualTo(a.get("number").asString());
    }

    @Test
    void aBranchSecretaryReadsHisSubtreeOnly() throws Exception {
        assertThat(appointmentOf("bs_market", "team1")).isNotNull();
        assertThat(appointmentOf("bs_market", "inspector1")).isNotNull();
        assertThat(appointmentOf("bs_market", "grid1")).isNull();
        String grid1 = appointmentOf("admin", "grid1").get("id").asString();
        mvc.perform(as(mvc, "bs_market", get("/api/v1/appointments/" + grid1))).andExpect(status().isNotFound());
        assertThat(all("bs_market", "")).allSatisfy(a -> assertThat(a.get("scopeUnitName").asString())
                .isIn("市场经营部党支部", "渠道管理班组", "营销策划班组"));
    }

    @Test
    void aSupervisorReadsHisOwnAndNobodyElseAnything() throws Exception {
        List<JsonNode> mine = all("team1", "");
        assertThat(mine).isNotEmpty().allSatisfy(a -> assertThat(a.get("userId").asString()).isEqualTo(idOf("team1")));
        String team2 = appointmentOf("admin", "team2").get("id").asString();
        for (String reader : List.of("team1", "staff1", "hr_reviewer", "handler1")) {
            mvc.perform(as(mvc, reader, get("/api/v1/appointments/" + team2))).andExpect(status().isNotFound());
        }
        assertThat(all("staff1", "")).isEmpty();
        assertThat(all("hr_reviewer", "")).isEmpty();
    }

    @Test
    void theRegisterFiltersByStatusTypeUnitAndTheWarningWindow() throws Exception {
        List<JsonNode> expiring = all("admin", "&expiringWithinDays=60");
        assertThat(expiring).extracting(a -> a.get("userId").asString()).contains(idOf("inspector1"))
                .doesNotContain(idOf("team1"));
        assertThat(appointmentOf("admin", "inspector1").get("expiringSoon").asBoolean()).isTrue();
        assertThat(appointmentOf("admin", "team1").get("expiringSoon").asBoolean()).isFalse();
        assertThat(all("admin", "&type=GRID_SUPERVISOR"))
                .allSatisfy(a -> assertThat(a.get("type").asString()).isEqualTo("GRID_SUPERVISOR"));
        long hepu = org.findByName("合浦分公司").orElseThrow().id();
        assertThat(all("admin", "&status=ACTIVE&unitId=" + hepu)).extracting(a -> a.get("person").asString())
                .contains("吴海涛", "郑美玲", "窦海燕", "华国庆").doesNotContain("黄伟");
        mvc.perform(as(mvc, "admin", get("/api/v1/appointments?type=HANDLER"))).andExpect(status().isBadRequest());
        mvc.perform(as(mvc, "admin", get("/api/v1/appointments?unitId=987654"))).andExpect(status().isBadRequest());
        mvc.perform(as(mvc, "admin", get("/api/v1/appointments?size=101"))).andExpect(status().isBadRequest());
    }

    private Appointment fresh() {
        User u = userRepository.insert(new User(null, "sel-api-" + UUID.randomUUID().toString().substring(0, 8),
                "试任者", org.findByName("网络部").orElseThrow().id(), null, "x", Set.of(Role.EMPLOYEE), true, false));
        return service.appoint(u.id(), Role.TEAM_SUPERVISOR, org.findByName("网络维护班组").orElseThrow().id(),
                today.minusDays(30), null, cn.jiandu.selection.AppointmentOrigin.SELECTED, null);
    }

    @Test
    void theOfficeEndsAnAppointmentOnceWithAReason() throws Exception {
        Appointment a = fresh();
        String url = "/api/v1/appointments/" + a.id() + "/end";
        String body = "{\"reason\":\"调离一线岗位\",\"endDate\":\"" + today + "\",\"kind\":\"DISMISSED\"}";
        mvc.perform(as(mvc, "secretary", post(url)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(as(mvc, "bs_net", post(url)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(as(mvc, "bs_market", post(url)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNotFound());
        mvc.perform(as(mvc, "admin", post(url)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"\",\"endDate\":\"" + today + "\"}")).andExpect(status().isBadRequest());
        mvc.perform(as(mvc, "admin", post(url)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"x\",\"endDate\":\"" + today.plusDays(1) + "\"}"))
                .andExpect(status().isBadRequest());
        assertThat(users.find(a.userId()).orElseThrow().roles()).contains(Role.TEAM_SUPERVISOR);

        JsonNode ended = json(mvc.perform(as(mvc, "admin", post(url)).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(ended.get("status").asString()).isEqualTo("ENDED");
        assertThat(ended.get("endedOn").asString()).isEqualTo(today.toString());
        assertThat(ended.get("endNote").asString()).isEqualTo("调离一线岗位");
        assertThat(users.find(a.userId()).orElseThrow().roles()).doesNotContain(Role.TEAM_SUPERVISOR);

        mvc.perform(as(mvc, "admin", post(url)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict());
        assertThat(all("admin", "&status=ENDED")).extracting(x -> x.get("id").asString())
                .contains(String.valueOf(a.id()));
    }

    @Test
    void coverageShowsHoldersAndGapsPerUnitWithinWhatTheReaderSees() throws Exception {
        JsonNode rows = getJson("admin", "/api/v1/appointments/coverage");
        List<String> seen = new ArrayList<>();
        for (JsonNode r : rows) {
            seen.add(r.get("unitName").asString() + "|" + r.get("type").asString());
            if (r.get("unitName").asString().equals("市场经营部党支部")) {
                assertThat(r.get("type").asString()).isEqualTo("BRANCH_INSPECTOR");
                assertThat(r.get("gap").asBoolean()).isFalse();
                assertThat(r.get("holders")).extracting(h -> h.get("person").asString()).contains("刘秀英");
                assertThat(r.get("groupUnitName").asString()).isEqualTo("市场经营部");
            }
            if (r.get("unitName").asString().equals("综合部党支部")) {
                assertThat(r.get("gap").asBoolean()).isTrue();
                assertThat(r.get("holders")).isEmpty();
            }
        }
        assertThat(seen).contains("渠道管理班组|TEAM_SUPERVISOR", "传输保障班组|TEAM_SUPERVISOR", "廉州网格|GRID_SUPERVISOR",
                "综合部党支部|BRANCH_INSPECTOR").doesNotContain("合浦营销班组|TEAM_SUPERVISOR");
        JsonNode market = getJson("bs_market", "/api/v1/appointments/coverage");
        // other tests add teams under the branch: assert the demo's units are there and nothing outside the subtree
        assertThat(market).extracting(r -> r.get("unitName").asString())
                .contains("市场经营部党支部", "渠道管理班组", "营销策划班组")
                .doesNotContain("网络维护班组", "廉州网格", "综合部党支部", "政企客户部党支部");
        long branch = org.findByName("市场经营部党支部").orElseThrow().id();
        assertThat(market).allSatisfy(r -> assertThat(org.isWithin(Long.parseLong(r.get("unitId").asString()), branch))
                .isTrue());
        mvc.perform(as(mvc, "team1", get("/api/v1/appointments/coverage"))).andExpect(status().isForbidden());
    }

    @Test
    void theExportHoldsTheVisibleRegister() throws Exception {
        byte[] xlsx = mvc.perform(as(mvc, "bs_market", get("/api/v1/appointments/export.xlsx")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> names = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("聘任编号");
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                names.add(sheet.getRow(i).getCell(1).getStringCellValue());
            }
        }
        assertThat(names).contains("黄伟", "刘秀英", "陶敏").doesNotContain("吴海涛");
    }

    @Test
    void statsCountAppointmentsPerYearAndType() throws Exception {
        JsonNode rows = getJson("secretary", "/api/v1/appointments/stats?from=2024-01-01&to=2024-12-31");
        long team = 0;
        for (JsonNode r : rows) {
            assertThat(r.get("year").asInt()).isEqualTo(2024);
            if (r.get("type").asString().equals("TEAM_SUPERVISOR")) {
                team = r.get("appointed").asLong();
            }
        }
        assertThat(team).isGreaterThanOrEqualTo(10);
        mvc.perform(as(mvc, "admin", get("/api/v1/appointments/stats?from=2025-01-01&to=2024-01-01")))
                .andExpect(status().isBadRequest());
    }
}
