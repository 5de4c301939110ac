package cn.jiandu.selection;

import static cn.jiandu.support.Api.as;
import static cn.jiandu.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.domain.User;
import cn.jiandu.identity.domain.UserRepository;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.shared.security.Role;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** The seven steps through the REST contract, per role: who reads (404 otherwise), who acts (403/409), bad input. */
@IntegrationTest
class NominationApiTests {

    @Autowired MockMvc mvc;
    @Autowired UserRepository userRepository;
    @Autowired UserDirectory users;
    @Autowired OrgDirectory org;

    private final int year = LocalDate.now(cn.jiandu.shared.time.ClockConfig.ZONE).getYear();

    private long unit(String name) {
        return org.findByName(name).orElseThrow().id();
    }

    private long person(String unitName, Role role) {
        return userRepository.insert(new User(null, "nom-" + UUID.randomUUID().toString().substring(0, 8), "候选人"
                + UUID.randomUUID().toString().substring(0, 3), unit(unitName), null, "x", Set.of(role), true, false))
                .id();
    }

    private void goodProfile(long userId) throws Exception {
        String body = Api.write(Map.of("politicalStatus", "CPC_MEMBER", "partyJoinDate", "2012-07-01", "post", "客户经理",
                "frontlineYears", 6, "disciplinaryRecord", false, "performance", List.of(
                        Map.of("year", year - 3, "grade", "GOOD"), Map.of("year", year - 2, "grade", "EXCELLENT"),
                        Map.of("year", year - 1, "grade", "GOOD"))));
        mvc.perform(as(mvc, "hr_reviewer", put("/api/v1/people/" + userId + "/profile"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
    }

    private Map<String, Object> nomination(long candidate, String type, long scope) {
        Map<String, Object> n = new HashMap<>();
        n.put("candidateId", String.valueOf(candidate));
        n.put("type", type);
        n.put("scopeUnitId", String.valueOf(scope));
        n.put("meetingDate", LocalDate.now(cn.jiandu.shared.time.ClockConfig.ZONE).minusDays(2).toString());
        n.put("present", 9);
        n.put("votesFor", 8);
        n.put("votesAgainst", 0);
        n.put("abstentions", 1);
        n.put("reason", "民主推荐得票最多");
        return n;
    }

    private ResultActions submit(String as, Map<String, Object> body) throws Exception {
        return mvc.perform(mp(as, "/api/v1/nominations")
                .file(new MockMultipartFile("nomination", "", "application/json",
                        Api.write(body).getBytes(StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("minutes", "会议记录.pdf", "application/pdf",
                        "%PDF-1.4\n%minutes\n".getBytes(StandardCharsets.US_ASCII))));
    }

    private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder mp(String user,
            String url) {
        return (org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder) multipart(url)
                .header("Authorization", "Bearer " + Api.token(mvc, user));
    }

    private String submitted(String as, Map<String, Object> body) throws Exception {
        JsonNode n = json(submit(as, body).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString());
        return n.get("id").asString();
    }

    private ResultActions act(String as, String id, Map<String, Object> body) throws Exception {
        return mvc.perform(as(mvc, as, post("/api/v1/nominations/" + id + "/actions"))
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(body)));
    }

    private JsonNode approve(String as, String id, String opinion) throws Exception {
        return json(act(as, id, Map.of("action", "APPROVE", "opinion", opinion)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private int getStatus(String as, String url) throws Exception {
        return mvc.perform(as(mvc, as, get(url))).andReturn().getResponse().getStatus();
    }

    private List<String> waiting(String as) throws Exception {
        JsonNode page = json(mvc.perform(as(mvc, as, get("/api/v1/nominations?waitingForMe=true&size=100")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    @Test
    void aTeamMemberGoesThroughAllSevenStepsAndIsAppointed() throws Exception {
        long candidate = person("营销策划班组", Role.EMPLOYEE);
        goodProfile(candidate);
        JsonNode created = json(submit("bs_market", nomination(candidate, "TEAM_SUPERVISOR", unit("营销策划班组")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String id = created.get("id").asString();
        assertThat(created.get("number").asString()).matches("JDTJ-" + year + "-\\d{6}");
        assertThat(created.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(created.get("currentStep").asInt()).isEqualTo(2);
        assertThat(created.get("eligibility")).hasSize(5).allMatch(c -> c.get("passed").asBoolean());
        String url = "/api/v1/nominations/" + id;

        // who reads: the nominator, the office, the leaders, owners of reached steps — not the candidate, not HR yet
        assertThat(getStatus("bs_market", url)).isEqualTo(200);
        assertThat(getStatus("admin", url)).isEqualTo(200);
        assertThat(getStatus("secretary", url)).isEqualTo(200);
        for (String nobody : List.of("staff1", "hr_reviewer", "po_reviewer", "bs_gov", "team1", "handler1")) {
            assertThat(getStatus(nobody, url)).as(nobody).isEqualTo(404);
            act(nobody, id, Map.of("action", "APPROVE", "opinion", "x")).andExpect(status().isNotFound());
        }
        // the office owns step 3, not step 2: 409; the leader reads all but owns step 7 only: 409
        act("admin", id, Map.of("action", "APPROVE", "opinion", "x")).andExpect(status().isConflict());
        act("secretary", id, Map.of("action", "APPROVE", "opinion", "x")).andExpect(status().isConflict());
        assertThat(waiting("bs_market")).contains(id);

        approve("bs_market", id, "支委会研究同意");
        act("bs_market", id, Map.of("action", "APPROVE", "opinion", "again")).andExpect(status().isConflict());
        act("bs_market", id, Map.of("action", "WITHDRAW")).andExpect(status().isConflict());
        assertThat(waiting("admin")).contains(id);
        approve("admin", id, "同意");
        assertThat(getStatus("hr_reviewer", url)).isEqualTo(200);
        assertThat(getStatus("hr_reviewer", "/api/v1/people/" + candidate + "/profile")).isEqualTo(200);
        assertThat(waiting("hr_reviewer")).contains(id);
        act("hr_reviewer", id, Map.of("action", "APPROVE")).andExpect(status().isBadRequest());
        approve("hr_reviewer", id, "履历属实");
        // 党委办公室 returns to 上级纪委 (a later step or its own is 400)
        act("po_reviewer", id, Map.of("action", "RETURN", "toStep", 5, "opinion", "x"))
                .andExpect(status().isBadRequest());
        act("po_reviewer", id, Map.of("action", "RETURN", "toStep", 3)).andExpect(status().isBadRequest());
        JsonNode back = json(act("po_reviewer", id, Map.of("action", "RETURN", "toStep", 3, "opinion", "请复核"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(back.get("currentStep").asInt()).isEqualTo(3);
        approve("admin", id, "已复核");
        approve("hr_reviewer", id, "履历属实");
        approve("po_reviewer", id, "政治身份审核通过");
        approve("di_reviewer", id, "廉政意见同意");
        assertThat(waiting("secretary")).contains(id);

        JsonNode batch = json(mvc.perform(as(mvc, "secretary", post("/api/v1/nominations/batch-approve"))
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(Map.of("ids", List.of(id, "987654321"),
                        "opinion", "同意聘任")))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(batch.get(0).get("outcome").asString()).isEqualTo("APPROVED");
        assertThat(batch.get(1).get("outcome").asString()).isEqualTo("NOT_FOUND");

        JsonNode done = json(mvc.perform(as(mvc, "bs_market", get(url))).andReturn().getResponse()
                .getContentAsString());
        assertThat(done.get("status").asString()).isEqualTo("APPROVED");
        assertThat(done.get("steps")).hasSize(7).allMatch(s -> s.get("state").asString().equals("DONE"));
        assertThat(done.get("steps").get(6).get("opinion").asString()).isEqualTo("同意聘任");
        assertThat(done.get("timeline")).extracting(t -> t.get("action").asString())
                .containsSubsequence("SUBMIT", "APPROVE", "APPROVE", "APPROVE", "RETURN", "APPROVE");
        String appointment = done.get("appointmentId").asString();
        JsonNode a = json(mvc.perform(as(mvc, "admin", get("/api/v1/appointments/" + appointment))).andReturn()
                .getResponse().getContentAsString());
        assertThat(a.get("origin").asString()).isEqualTo("NOMINATION");
        assertThat(a.get("nominationId").asString()).isEqualTo(id);
        assertThat(a.get("userId").asString()).isEqualTo(String.valueOf(candidate));
        assertThat(users.find(candidate).orElseThrow().roles()).contains(Role.TEAM_SUPERVISOR);
        // nobody acts on it any more
        act("secretary", id, Map.of("action", "APPROVE", "opinion", "x")).andExpect(status().isConflict());
        // the same person, type and scope again: 409
        submit("bs_market", nomination(candidate, "TEAM_SUPERVISOR", unit("营销策划班组")))
                .andExpect(status().isConflict());
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        long candidate = person("渠道管理班组", Role.EMPLOYEE);
        goodProfile(candidate);
        long scope = unit("渠道管理班组");
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        Map<String, Object> b = nomination(987654321L, "TEAM_SUPERVISOR", scope);
        cases.put("candidateId", b);
        b = nomination(candidate, "HANDLER", scope);
        cases.put("type", b);
        b = nomination(candidate, "TEAM_SUPERVISOR", 987654321L);
        cases.put("scopeUnitId", b);
        b = nomination(candidate, "TEAM_SUPERVISOR", scope);
        b.put("votesFor", 9);
        cases.put("votesFor", b);
        b = nomination(candidate, "TEAM_SUPERVISOR", scope);
        b.put("abstentions", -1);
        cases.put("votesFor ", b);
        b = nomination(candidate, "GRID_SUPERVISOR", scope);
        cases.put("scopeUnitId ", b);
        for (var c : cases.entrySet()) {
            String body = submit("bs_market", c.getValue()).andExpect(status().isBadRequest()).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).as(c.getKey()).contains("\"" + c.getKey().strip() + "\"");
        }
        // outside his subtree
        submit("bs_market", nomination(candidate, "TEAM_SUPERVISOR", unit("网络维护班组")))
                .andExpect(status().isBadRequest());
        submit("staff1", nomination(candidate, "TEAM_SUPERVISOR", scope)).andExpect(status().isForbidden());
        JsonNode mine = json(mvc.perform(as(mvc, "bs_market", get("/api/v1/nominations?size=100"))).andReturn()
                .getResponse().getContentAsString());
        assertThat(mine.get("items")).noneMatch(i -> i.get("candidateId").asString().equals(String.valueOf(candidate)));
    }

    @Test
    void aFailedCheckNeedsTheNominatorsReasonAndEveryApproversWhileItFails() throws Exception {
        long outsider = person("市场经营部", Role.EMPLOYEE);
        goodProfile(outsider);
        Map<String, Object> body = nomination(outsider, "TEAM_SUPERVISOR", unit("渠道管理班组"));
        String refused = submit("bs_market", body).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("overrideReasons.MEMBERSHIP");
        body.put("overrideReasons", Map.of("MEMBERSHIP", "常驻渠道管理班组"));
        String id = submitted("bs_market", body);
        JsonNode detail = json(mvc.perform(as(mvc, "admin", get("/api/v1/nominations/" + id))).andReturn()
                .getResponse().getContentAsString());
        assertThat(detail.get("eligibility")).anyMatch(c -> c.get("check").asString().equals("MEMBERSHIP")
                && !c.get("passed").asBoolean());
        assertThat(detail.get("timeline").get(0).get("overrideReasons").asString()).contains("常驻渠道管理班组");
        act("bs_market", id, Map.of("action", "APPROVE", "opinion", "同意")).andExpect(status().isBadRequest());
        act("bs_market", id, Map.of("action", "APPROVE", "opinion", "同意", "overrideReasons",
                Map.of("MEMBERSHIP", "支委会认可"))).andExpect(status().isOk());
    }

    @Test
    void withdrawReturnResubmitHandoverAndReject() throws Exception {
        long a = person("渠道管理班组", Role.EMPLOYEE);
        goodProfile(a);
        String first = submitted("bs_market", nomination(a, "TEAM_SUPERVISOR", unit("渠道管理班组")));
        act("admin", first, Map.of("action", "WITHDRAW")).andExpect(status().isForbidden());
        JsonNode withdrawn = json(act("bs_market", first, Map.of("action", "WITHDRAW")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");

        String second = submitted("bs_market", nomination(a, "TEAM_SUPERVISOR", unit("渠道管理班组")));
        approve("bs_market", second, "同意");
        act("bs_market", second, Map.of("action", "WITHDRAW")).andExpect(status().isConflict());
        approve("admin", second, "同意");
        JsonNode returned = json(act("hr_reviewer", second, Map.of("action", "RETURN", "toStep", 1, "opinion",
                "补充材料")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(waiting("bs_market")).contains(second);
        assertThat(waiting("hr_reviewer")).doesNotContain(second);
        JsonNode again = approve("bs_market", second, "已补充");
        assertThat(again.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(again.get("currentStep").asInt()).isEqualTo(2);
        approve("bs_market", second, "同意");
        approve("admin", second, "同意");

        // 转交 to a colleague of the same office only
        long colleague = person("人力资源部", Role.REVIEWER);
        long notColleague = person("党委办公室", Role.REVIEWER);
        act("hr_reviewer", second, Map.of("action", "HANDOVER", "toUserId", String.valueOf(notColleague)))
                .andExpect(status().isBadRequest());
        act("hr_reviewer", second, Map.of("action", "HANDOVER", "toUserId",
                String.valueOf(users.findByUsername("staff5").orElseThrow().id()))).andExpect(status().isBadRequest());
        act("hr_reviewer", second, Map.of("action", "HANDOVER", "toUserId", String.valueOf(colleague)))
                .andExpect(status().isOk());
        act("hr_reviewer", second, Map.of("action", "APPROVE", "opinion", "x")).andExpect(status().isForbidden());
        act("hr_reviewer", second, Map.of("action", "REJECT")).andExpect(status().isForbidden());

        long b = person("营销策划班组", Role.EMPLOYEE);
        goodProfile(b);
        String third = submitted("bs_market", nomination(b, "TEAM_SUPERVISOR", unit("营销策划班组")));
        act("bs_market", third, Map.of("action", "REJECT")).andExpect(status().isBadRequest());
        JsonNode rejected = json(act("bs_market", third, Map.of("action", "REJECT", "opinion", "支委会未通过"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        act("bs_market", third, Map.of("action", "APPROVE", "opinion", "x")).andExpect(status().isConflict());
    }

    @Test
    void profilesAreReadByTheirCircleAndKeptByHrAndTheOffice() throws Exception {
        long p = person("网络部", Role.EMPLOYEE);
        goodProfile(p);
        String url = "/api/v1/people/" + p + "/profile";
        for (String reader : List.of("hr_reviewer", "admin", "secretary")) {
            assertThat(getStatus(reader, url)).as(reader).isEqualTo(200);
        }
        for (String nobody : List.of("staff1", "po_reviewer", "bs_net", "team1")) {
            assertThat(getStatus(nobody, url)).as(nobody).isEqualTo(404);
        }
        mvc.perform(as(mvc, "secretary", put(url)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"politicalStatus\":\"MASSES\",\"frontlineYears\":1}")).andExpect(status().isForbidden());
        mvc.perform(as(mvc, "admin", put(url)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"politicalStatus\":\"MASSES\",\"frontlineYears\":-1}")).andExpect(status().isBadRequest());
        JsonNode saved = json(mvc.perform(as(mvc, "admin", put(url)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"politicalStatus\":\"CPC_PROBATIONARY\",\"frontlineYears\":4,\"performance\":"
                        + "[{\"year\":" + (year - 1) + ",\"grade\":\"EXCELLENT\"}],\"disciplinaryRecord\":true}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(saved.get("politicalStatus").asString()).isEqualTo("CPC_PROBATIONARY");
        assertThat(saved.get("performance")).hasSize(1);
        assertThat(saved.get("disciplinaryRecord").asBoolean()).isTrue();
        // the person reads his own
        String team1 = "/api/v1/people/" + users.findByUsername("team1").orElseThrow().id() + "/profile";
        assertThat(getStatus("team1", team1)).isEqualTo(200);
        assertThat(getStatus("team2", team1)).isEqualTo(404);
    }

    private byte[] xlsx(String[]... rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet();
            for (int i = 0; i < rows.length; i++) {
                var row = sheet.createRow(i);
                for (int c = 0; c < rows[i].length; c++) {
                    row.createCell(c).setCellValue(rows[i][c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void theProfileImportTakesAllRowsOrNoneAndListsEveryBadRow() throws Exception {
        long one = person("网络部", Role.EMPLOYEE);
        long two = person("网络部", Role.EMPLOYEE);
        String u1 = users.find(one).orElseThrow().username();
        String u2 = users.find(two).orElseThrow().username();
        String[] header = {"username", "politicalStatus", "partyJoinDate", "post", "frontlineYears",
                "disciplinaryRecord", "performance"};
        byte[] bad = xlsx(header, new String[] {u1, "中共党员", "2010-07-01", "装维", "7", "否", "2024:优秀;2025:良好"},
                new String[] {"nobody-" + u2, "中共党员", "", "", "3", "否", ""},
                new String[] {u2, "党员?", "", "", "3", "否", ""},
                new String[] {u2, "群众", "", "", "three", "否", ""});
        String body = mvc.perform(mp("hr_reviewer", "/api/v1/people/profiles/import")
                        .file(new MockMultipartFile("file", "p.xlsx", "application/octet-stream", bad)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode rows = json(body).get("rows");
        assertThat(rows).extracting(r -> r.get("row").asInt()).containsExactly(3, 4, 5);
        assertThat(getStatus("hr_reviewer", "/api/v1/people/" + one + "/profile")).isEqualTo(404);

        byte[] good = xlsx(header, new String[] {u1, "中共党员", "2010-07-01", "装维", "7", "否", "2024:优秀;2025:良好"},
                new String[] {u2, "CYL_MEMBER", "", "", "2", "是", ""});
        JsonNode ok = json(mvc.perform(mp("hr_reviewer", "/api/v1/people/profiles/import")
                        .file(new MockMultipartFile("file", "p.xlsx", "application/octet-stream", good)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(ok.get("imported").asInt()).isEqualTo(2);
        JsonNode p1 = json(mvc.perform(as(mvc, "hr_reviewer", get("/api/v1/people/" + one + "/profile"))).andReturn()
                .getResponse().getContentAsString());
        assertThat(p1.get("frontlineYears").asInt()).isEqualTo(7);
        assertThat(p1.get("performance")).hasSize(2);
        mvc.perform(mp("staff1", "/api/v1/people/profiles/import")
                .file(new MockMultipartFile("file", "p.xlsx", "application/octet-stream", good)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theChainIsDataAndANominationKeepsItsVersion() throws Exception {
        JsonNode steps = json(mvc.perform(as(mvc, "staff1", get("/api/v1/selection/steps"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(steps).extracting(s -> s.get("code").asString()).containsExactly("NOMINATION", "BRANCH_STUDY",
                "DISCIPLINE_REVIEW", "HR_REVIEW", "PARTY_OFFICE_REVIEW", "DISCIPLINE_OFFICE_REVIEW", "APPROVAL");
        String original = Api.write(steps);
        long c = person("营销策划班组", Role.EMPLOYEE);
        goodProfile(c);
        String before = submitted("bs_market", nomination(c, "TEAM_SUPERVISOR", unit("营销策划班组")));

        mvc.perform(as(mvc, "secretary", put("/api/v1/selection/steps")).contentType(MediaType.APPLICATION_JSON)
                .content(original)).andExpect(status().isForbidden());
        String duplicate = original.replace("\"HR_REVIEW\"", "\"BRANCH_STUDY\"");
        mvc.perform(as(mvc, "admin", put("/api/v1/selection/steps")).contentType(MediaType.APPLICATION_JSON)
                .content(duplicate)).andExpect(status().isBadRequest());
        List<JsonNode> shorter = new ArrayList<>();
        steps.forEach(s -> {
            if (!s.get("code").asString().equals("PARTY_OFFICE_REVIEW")) {
                shorter.add(s);
            }
        });
        try {
            JsonNode saved = json(mvc.perform(as(mvc, "admin", put("/api/v1/selection/steps"))
                    .contentType(MediaType.APPLICATION_JSON).content(Api.write(shorter))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            assertThat(saved).hasSize(6);
            long d = person("渠道管理班组", Role.EMPLOYEE);
            goodProfile(d);
            String after = submitted("bs_market", nomination(d, "TEAM_SUPERVISOR", unit("渠道管理班组")));
            JsonNode old = json(mvc.perform(as(mvc, "admin", get("/api/v1/nominations/" + before))).andReturn()
                    .getResponse().getContentAsString());
            JsonNode fresh = json(mvc.perform(as(mvc, "admin", get("/api/v1/nominations/" + after))).andReturn()
                    .getResponse().getContentAsString());
            assertThat(old.get("steps")).hasSize(7);
            assertThat(fresh.get("steps")).hasSize(6);
            assertThat(fresh.get("chainVersion").asInt()).isGreaterThan(old.get("chainVersion").asInt());
        } finally {
            mvc.perform(as(mvc, "admin", put("/api/v1/selection/steps")).contentType(MediaType.APPLICATION_JSON)
                    .content(original)).andExpect(status().isOk());
        }
    }
}
