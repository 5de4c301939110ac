package cn.jiandu.training;

import static cn.jiandu.training.TrainingFixtures.code;
import static cn.jiandu.training.TrainingFixtures.now;
import static cn.jiandu.training.TrainingFixtures.plan;
import static cn.jiandu.training.TrainingFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/** Sessions through the REST contract, per role: planning, invitations, sign-in, leave, attendance and export. */
@IntegrationTest
class TrainingSessionApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory users;

    @Autowired
    JdbcClient jdbc;

    String tag = UUID.randomUUID().toString().substring(0, 8);

    long id(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }

    MockHttpServletResponse call(String who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(Api.as(mvc, who, request)).andReturn().getResponse();
    }

    MockHttpServletResponse signIn(String who, String code) throws Exception {
        return call(who, post("/api/v1/training-sessions/sign-in").contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(Map.of("code", code))));
    }

    @Test
    void theOfficePlansForGridSupervisorsWhoSignInOnceAndOthersAreRefused() throws Exception {
        JsonNode s = plan(mvc, "admin", session("WARNING_EDUCATION", "警示教育 " + tag, now().minusMinutes(5),
                Duration.ofHours(1), List.of("GRID_SUPERVISOR"), List.of(), List.of()));
        String sid = s.get("id").asString();
        assertThat(s.get("kind").asString()).isEqualTo("WARNING_EDUCATION");
        assertThat(s.get("audience").get("types").get(0).asString()).isEqualTo("GRID_SUPERVISOR");
        assertThat(s.get("attendance").get("invited").asInt()).as("every grid supervisor invited")
                .isEqualTo(users.withRole(cn.jiandu.shared.security.Role.GRID_SUPERVISOR).size());

        // invitees were told, in their inbox
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long invitations = 0;
        while (invitations == 0 && System.nanoTime() < deadline) {
            invitations = jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = :u AND link = :l "
                    + "AND message_key = 'training.notify.invited'").param("u", id("grid1"))
                    .param("l", "/training/sessions/" + sid).query(Long.class).single();
            Thread.sleep(50);
        }
        assertThat(invitations).as("grid1's invitation in his inbox").isEqualTo(1);

        // grid1 reads it (invited), team1 does not (404), only the organiser gets the code
        assertThat(call("grid1", get("/api/v1/training-sessions/" + sid)).getStatus()).isEqualTo(200);
        assertThat(call("team1", get("/api/v1/training-sessions/" + sid)).getStatus()).isEqualTo(404);
        assertThat(call("secretary", get("/api/v1/training-sessions/" + sid)).getStatus()).isEqualTo(200);
        assertThat(call("grid1", get("/api/v1/training-sessions/" + sid + "/sign-in-code")).getStatus())
                .isEqualTo(403);
        String code = code(mvc, "admin", sid);

        var first = signIn("grid1", code);
        assertThat(first.getStatus()).isEqualTo(200);
        JsonNode one = Api.json(first.getContentAsString());
        assertThat(one.get("sessionId").asString()).isEqualTo(sid);
        assertThat(one.get("status").asString()).isEqualTo("PRESENT");
        Thread.sleep(20);
        JsonNode two = Api.json(signIn("grid1", code).getContentAsString());
        assertThat(two.get("signedInAt").asString()).as("the first time is kept")
                .isEqualTo(one.get("signedInAt").asString());
        long rows = jdbc.sql("SELECT COUNT(*) FROM training_invitee WHERE session_id = :s AND user_id = :u "
                + "AND signed_in_at IS NOT NULL").param("s", Long.parseLong(sid)).param("u", id("grid1"))
                .query(Long.class).single();
        assertThat(rows).isEqualTo(1);

        var stranger = signIn("team1", code);
        assertThat(stranger.getStatus()).as("not invited").isEqualTo(403);
        assertThat(Api.json(stranger.getContentAsString()).get("detail").asString()).contains("参训名单");

        var forged = signIn("grid2", code.substring(0, code.length() - 3) + "AAA");
        assertThat(forged.getStatus()).isEqualTo(400);
        assertThat(Api.json(forged.getContentAsString()).get("detail").asString()).contains("无效");
        var edited = signIn("grid2", code.replace("J1." + sid + ".", "J1." + (Long.parseLong(sid) + 1) + "."));
        assertThat(edited.getStatus()).as("another session id under the same signature").isEqualTo(400);

        // the organiser adds someone by hand with a reason, who then appears on the list
        var noReason = call("admin", post("/api/v1/training-sessions/" + sid + "/attendance")
                .contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(Map.of("userId", String.valueOf(id("team1")), "status", "PRESENT"))));
        assertThat(noReason.getStatus()).isEqualTo(400);
        var added = call("admin", post("/api/v1/training-sessions/" + sid + "/attendance")
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(Map.of("userId",
                        String.valueOf(id("team1")), "status", "LATE", "reason", "临时参加，现场登记"))));
        assertThat(added.getStatus()).isEqualTo(200);
        assertThat(call("grid1", post("/api/v1/training-sessions/" + sid + "/attendance")
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(Map.of("userId",
                        String.valueOf(id("grid2")), "status", "PRESENT", "reason", "x")))).getStatus())
                .as("an invitee is not the organiser").isEqualTo(403);

        JsonNode list = Api.json(call("admin", get("/api/v1/training-sessions/" + sid + "/attendance"))
                .getContentAsString());
        Map<String, JsonNode> byUser = new java.util.HashMap<>();
        list.forEach(l -> byUser.put(l.get("userId").asString(), l));
        assertThat(byUser.get(String.valueOf(id("grid1"))).get("status").asString()).isEqualTo("PRESENT");
        assertThat(byUser.get(String.valueOf(id("grid1"))).get("person").asString()).isEqualTo("吴海涛");
        assertThat(byUser.get(String.valueOf(id("team1"))).get("status").asString()).isEqualTo("LATE");
        assertThat(byUser.get(String.valueOf(id("team1"))).get("reason").asString()).isEqualTo("临时参加，现场登记");
        assertThat(byUser.get(String.valueOf(id("grid2"))).get("status").isNull()).as("not yet").isTrue();
        assertThat(call("grid1", get("/api/v1/training-sessions/" + sid + "/attendance")).getStatus())
                .isEqualTo(403);

        // the export lists the same people
        var xlsx = call("admin", get("/api/v1/training-sessions/" + sid + "/attendance.xlsx"));
        assertThat(xlsx.getStatus()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            for (Row r : wb.getSheetAt(0)) {
                if (r.getCell(0) != null) {
                    names.add(r.getCell(0).getStringCellValue() + "|"
                            + (r.getCell(1) == null ? "" : r.getCell(1).getStringCellValue()));
                }
            }
        }
        assertThat(names).contains("吴海涛|出席", "黄伟|迟到");

        // the record of each person shows it
        JsonNode record = Api.json(call("grid1", get("/api/v1/people/" + id("grid1") + "/training-record"))
                .getContentAsString());
        assertThat(record.get("sessions").findValuesAsString("sessionId")).contains(sid);
        assertThat(call("grid2", get("/api/v1/people/" + id("grid1") + "/training-record")).getStatus())
                .isEqualTo(404);
        assertThat(call("secretary", get("/api/v1/people/" + id("grid1") + "/training-record")).getStatus())
                .isEqualTo(200);

        // started: no longer cancellable
        assertThat(call("admin", delete("/api/v1/training-sessions/" + sid)).getStatus()).isEqualTo(409);
    }

    @Test
    void aSessionEndingBeforeItStartsIsRefusedAndNothingIsWritten() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM training_session").query(Long.class).single();
        Map<String, Object> body = session("THEORY", "理论学习 " + tag, now().plusDays(1), Duration.ofHours(-1),
                List.of("GRID_SUPERVISOR"), List.of(), List.of());
        var r = call("admin", post("/api/v1/training-sessions").contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(body)));
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains("endsAt");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM training_session").query(Long.class).single()).isEqualTo(before);
        assertThat(call("grid1", post("/api/v1/training-sessions").contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(body))).getStatus()).isEqualTo(403);
    }

    @Test
    void leaveBeforeTheStartWithAReasonAndTheCancellationTellsTheInvitees() throws Exception {
        JsonNode s = plan(mvc, "admin", session("QUARTERLY_CLASS", "季度培训班 " + tag, now().plusDays(2),
                Duration.ofHours(3), List.of(), List.of(), List.of(String.valueOf(id("grid1")),
                        String.valueOf(id("team2")))));
        String sid = s.get("id").asString();
        var noReason = call("grid1", post("/api/v1/training-sessions/" + sid + "/leave")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \"}"));
        assertThat(noReason.getStatus()).isEqualTo(400);
        var leave = call("grid1", post("/api/v1/training-sessions/" + sid + "/leave")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"外出支撑客户割接\"}"));
        assertThat(leave.getStatus()).isEqualTo(200);
        assertThat(Api.json(leave.getContentAsString()).get("status").asString()).isEqualTo("LEAVE");
        assertThat(call("team1", post("/api/v1/training-sessions/" + sid + "/leave")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}")).getStatus())
                .as("not invited: cannot read it").isEqualTo(404);
        // sign-in is not open two days ahead
        assertThat(call("admin", get("/api/v1/training-sessions/" + sid + "/sign-in-code")).getStatus())
                .isEqualTo(409);

        // a change of time keeps the leave; the planner may change it, an invitee may not
        Map<String, Object> moved = session("QUARTERLY_CLASS", "季度培训班 " + tag, now().plusDays(3),
                Duration.ofHours(3), List.of(), List.of(), List.of(String.valueOf(id("grid1")),
                        String.valueOf(id("team2"))));
        assertThat(call("grid1", put("/api/v1/training-sessions/" + sid).contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(moved))).getStatus()).isEqualTo(403);
        var updated = call("admin", put("/api/v1/training-sessions/" + sid).contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(moved)));
        assertThat(updated.getStatus()).isEqualTo(200);
        assertThat(Api.json(updated.getContentAsString()).get("attendance").get("leave").asInt()).isEqualTo(1);

        assertThat(call("grid1", delete("/api/v1/training-sessions/" + sid)).getStatus()).isEqualTo(403);
        assertThat(call("admin", delete("/api/v1/training-sessions/" + sid)).getStatus()).isEqualTo(204);
        assertThat(call("admin", get("/api/v1/training-sessions/" + sid)).getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM training_invitee WHERE session_id = :s")
                .param("s", Long.parseLong(sid)).query(Long.class).single()).isZero();
    }

    @Test
    void aBranchSecretaryPlansForHisSubtreeOnly() throws Exception {
        long yinhai = Api.orgUnitId(mvc, "银海分公司党支部");
        Map<String, Object> outside = session("BRANCH_TRAINING", "支部培训 " + tag, now().plusDays(1),
                Duration.ofHours(2), List.of(), List.of(String.valueOf(yinhai)), List.of());
        var refused = call("bs_hepu", post("/api/v1/training-sessions").contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(outside)));
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("audience.unitIds");

        JsonNode s = plan(mvc, "bs_hepu", session("BRANCH_TRAINING", "支部培训 " + tag, now().plusDays(1),
                Duration.ofHours(2), List.of("GRID_SUPERVISOR"), List.of(), List.of()));
        String sid = s.get("id").asString();
        JsonNode lines = Api.json(call("bs_hepu", get("/api/v1/training-sessions/" + sid + "/attendance"))
                .getContentAsString());
        List<String> invited = lines.findValuesAsString("person");
        assertThat(invited).as("grid supervisors of 合浦 only").contains("吴海涛", "郑美玲", "窦海燕")
                .doesNotContain("章明", "潘建新");
        assertThat(call("bs_yinhai", get("/api/v1/training-sessions/" + sid)).getStatus()).isEqualTo(404);
        assertThat(call("grid1", get("/api/v1/training-sessions?scope=mine")).getContentAsString()).contains(sid);
        assertThat(call("grid4", get("/api/v1/training-sessions")).getContentAsString()).doesNotContain(
                "\"id\":\"" + sid + "\"");
    }

    @Test
    void theListPagesWithACursor() throws Exception {
        for (int i = 0; i < 3; i++) {
            plan(mvc, "admin", session("THEORY", "分页 " + tag + " " + i, now().plusDays(30 + i), Duration.ofHours(1),
                    List.of(), List.of(), List.of(String.valueOf(id("staff1")))));
        }
        JsonNode page1 = Api.json(call("staff1", get("/api/v1/training-sessions?size=2")).getContentAsString());
        assertThat(page1.get("items")).hasSize(2);
        String cursor = page1.get("nextCursor").asString();
        JsonNode page2 = Api.json(call("staff1", get("/api/v1/training-sessions?size=2&cursor=" + cursor))
                .getContentAsString());
        assertThat(page2.get("items").size()).isPositive();
        assertThat(page2.get("items").get(0).get("id").asString())
                .isNotIn(page1.get("items").findValuesAsString("id"));
        assertThat(call("staff1", get("/api/v1/training-sessions?cursor=garbage")).getStatus()).isEqualTo(400);
    }
}
