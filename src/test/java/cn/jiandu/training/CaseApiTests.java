package cn.jiandu.training;

import static cn.jiandu.training.CaseFixtures.act;
import static cn.jiandu.training.CaseFixtures.body;
import static cn.jiandu.training.CaseFixtures.evidence;
import static cn.jiandu.training.CaseFixtures.fields;
import static cn.jiandu.training.CaseFixtures.planMeeting;
import static cn.jiandu.training.CaseFixtures.send;
import static cn.jiandu.training.CaseFixtures.submit;
import static cn.jiandu.training.CaseFixtures.submitOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.support.Api;
import cn.jiandu.support.Events;
import cn.jiandu.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** 优秀案例 through the REST contract, per role: submit, return, resubmit, accept, select, publish. */
@IntegrationTest
class CaseApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDirectory users;
    @Autowired
    IncompleteEventPublications incomplete;

    String tag = CaseFixtures.tag();

    int status(String who, String path) throws Exception {
        return mvc.perform(Api.as(mvc, who, get(path))).andReturn().getResponse().getStatus();
    }

    JsonNode read(String who, String path) throws Exception {
        MockHttpServletResponse r = mvc.perform(Api.as(mvc, who, get(path))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return Api.json(r.getContentAsString());
    }

    @Test
    void aCaseIsReturnedResubmittedAcceptedAndPublishedEachStepByTheRightPeople() throws Exception {
        String title = "捆绑销售整治 " + tag;
        MockHttpServletResponse created = submit(mvc, "grid1", body(title), evidence("走访记录.txt", "走访 12 户"));
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        JsonNode c = Api.json(created.getContentAsString());
        String id = c.get("id").asString();
        String path = "/api/v1/cases/" + id;
        assertThat(c.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(c.get("kind").asString()).isEqualTo("EXCELLENT");
        assertThat(c.get("author").asString()).isEqualTo("吴海涛");
        assertThat(c.get("files").get(0).get("name").asString()).isEqualTo("走访记录.txt");
        String fileHref = c.get("files").get(0).get("href").asString();
        assertThat(mvc.perform(Api.as(mvc, "grid1", get(fileHref))).andReturn().getResponse().getContentAsString())
                .isEqualTo("走访 12 户");

        // until published: the author, the office and the leaders; everyone else 404
        assertThat(status("grid1", path)).isEqualTo(200);
        assertThat(status("admin", path)).isEqualTo(200);
        assertThat(status("secretary", path)).isEqualTo(200);
        assertThat(status("grid2", path)).isEqualTo(404);
        assertThat(status("staff1", path)).isEqualTo(404);
        assertThat(status("grid2", fileHref)).isEqualTo(404);

        // only the office reviews
        assertThat(act(mvc, "grid1", id, "ACCEPT").getStatus()).isEqualTo(403);
        assertThat(act(mvc, "secretary", id, "ACCEPT").getStatus()).isEqualTo(403);
        assertThat(act(mvc, "grid2", id, "ACCEPT").getStatus()).isEqualTo(404);
        MockHttpServletResponse noComment = act(mvc, "admin", id, "RETURN");
        assertThat(noComment.getStatus()).isEqualTo(400);
        assertThat(fields(noComment.getContentAsString())).containsExactly("comment");
        assertThat(act(mvc, "admin", id, "PUBLISH").getStatus()).isEqualTo(409);

        JsonNode returned = Api.json(act(mvc, "admin", id, "RETURN", "comment", "请补充整改成效的数据").getContentAsString());
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(act(mvc, "admin", id, "ACCEPT").getStatus()).isEqualTo(409);
        assertThat(read("grid1", path).get("reviewComment").asString()).isEqualTo("请补充整改成效的数据");
        assertThat(read("grid1", path).get("mayEdit").asBoolean()).isTrue();

        // the author edits and resubmits; nobody else may
        Map<String, Object> changed = body(title);
        changed.put("effect", "退费 5 笔共 1,250 元，群众满意率 100%。");
        assertThat(send(mvc, "grid2", HttpMethod.PUT, path, changed).getStatus()).isEqualTo(404);
        MockHttpServletResponse resubmitted = send(mvc, "grid1", HttpMethod.PUT, path, changed,
                evidence("退费凭证.txt", "退费 5 笔"));
        assertThat(resubmitted.getStatus()).as(resubmitted.getContentAsString()).isEqualTo(200);
        JsonNode again = Api.json(resubmitted.getContentAsString());
        assertThat(again.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(again.get("effect").asString()).contains("1,250");
        assertThat(again.get("files")).hasSize(2);
        assertThat(send(mvc, "grid1", HttpMethod.PUT, path, changed).getStatus()).isEqualTo(409);

        assertThat(Api.json(act(mvc, "admin", id, "ACCEPT").getContentAsString()).get("status").asString())
                .isEqualTo("ACCEPTED");
        JsonNode published = Api.json(act(mvc, "admin", id, "PUBLISH").getContentAsString());
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.get("quarter").asString()).matches("\\d{4}Q[1-4]");
        assertThat(published.get("selectedAt").isNull()).isFalse();
        assertThat(act(mvc, "admin", id, "PUBLISH").getStatus()).isEqualTo(409);
        assertThat(act(mvc, "admin", id, "DECLINE").getStatus()).isEqualTo(409);

        // published: every supervisor reads it, not an employee; the history stays with the author and the office
        assertThat(status("grid2", path)).isEqualTo(200);
        assertThat(status("team1", path)).isEqualTo(200);
        assertThat(status("staff1", path)).isEqualTo(404);
        assertThat(read("grid2", path).get("history")).isEmpty();
        assertThat(read("grid2", path).get("reviewComment").isNull()).isTrue();
        assertThat(read("admin", path).get("history").findValuesAsString("action"))
                .containsExactly("SUBMIT", "RETURN", "RESUBMIT", "ACCEPT", "PUBLISH");

        // every space's 工作亮点 holds the case and its files; every supervisor is told
        long spaces = jdbc.sql("SELECT COUNT(*) FROM sharing_space").query(Long.class).single();
        assertThat(spaces).isPositive();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM sharing_entry e JOIN sharing_folder f ON f.id = e.folder_id
                WHERE f.kind = 'HIGHLIGHTS' AND e.name LIKE :n""").param("n", "优秀案例-" + title + "%")
                .query(Long.class).single()).isEqualTo(spaces * 3);
        Events.settle(jdbc, incomplete, "notification");
        long grid2 = users.findByUsername("grid2").orElseThrow().id();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM notification WHERE recipient_id = :u AND message_key = 'case.notify.published'
                AND args LIKE :t""").param("u", grid2).param("t", "%" + tag + "%").query(Long.class).single())
                .isEqualTo(1);
        long staff1 = users.findByUsername("staff1").orElseThrow().id();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = :u AND args LIKE :t")
                .param("u", staff1).param("t", "%" + tag + "%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_entry WHERE target_type = 'training_case' AND target_id = :id""")
                .param("id", id).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void onlySupervisorsSubmitAndBadInputIsRefusedNamingTheFieldWithNothingWritten() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM training_case").query(Long.class).single();
        long blobsBefore = jdbc.sql("SELECT COUNT(*) FROM training_case_file").query(Long.class).single();
        assertThat(submit(mvc, "staff1", body("员工 " + tag)).getStatus()).isEqualTo(403);
        assertThat(submit(mvc, "admin", body("办公室 " + tag)).getStatus()).isEqualTo(403);
        assertThat(submit(mvc, "handler1", body("承办人 " + tag)).getStatus()).isEqualTo(403);

        Map<String, Object> noTitle = body(" ");
        noTitle.remove("effect");
        MockHttpServletResponse r = submit(mvc, "grid1", noTitle);
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(fields(r.getContentAsString())).containsExactlyInAnyOrder("title", "effect");

        Map<String, Object> long1 = body("过长 " + tag);
        long1.put("background", "长".repeat(4001));
        assertThat(fields(submit(mvc, "grid1", long1).getContentAsString())).containsExactly("background");

        // a report of someone else cannot be linked
        long otherReport = jdbc.sql("""
                SELECT MIN(p.id) FROM problem p JOIN app_user u ON u.id = p.reporter_id
                WHERE u.username = 'grid2' AND p.anonymous = FALSE""").query(Long.class).single();
        Map<String, Object> foreign = body("他人问题 " + tag);
        foreign.put("problemIds", List.of(String.valueOf(otherReport)));
        r = submit(mvc, "grid1", foreign);
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(fields(r.getContentAsString())).containsExactly("problemIds");

        // a file is checked by its content, not its name: an executable called .pdf is refused, nothing is kept
        MockMultipartFile disguised = new MockMultipartFile("files", "证明.pdf", "application/pdf",
                new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0});
        r = submit(mvc, "grid1", body("伪装文件 " + tag), evidence("ok.txt", "正常"), disguised);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(400);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM training_case").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM training_case_file").query(Long.class).single())
                .isEqualTo(blobsBefore);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM training_case WHERE title LIKE :t").param("t", "%" + tag)
                .query(Long.class).single()).isZero();
    }

    @Test
    void hisOwnReportsMayBeLinkedAndTheLinkShowsOnlyToThoseWhoMayReadThem() throws Exception {
        long own = jdbc.sql("""
                SELECT MIN(p.id) FROM problem p JOIN app_user u ON u.id = p.reporter_id
                WHERE u.username = 'grid1' AND p.anonymous = FALSE AND (p.close_reason IS NULL
                OR p.close_reason <> 'WITHDRAWN')""").query(Long.class).single();
        Map<String, Object> b = body("关联问题 " + tag);
        b.put("problemIds", List.of(String.valueOf(own)));
        MockHttpServletResponse r = submit(mvc, "grid1", b);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        String id = Api.json(r.getContentAsString()).get("id").asString();
        assertThat(read("grid1", "/api/v1/cases/" + id).get("problemIds").get(0).asString())
                .isEqualTo(String.valueOf(own));
        act(mvc, "admin", id, "ACCEPT");
        act(mvc, "admin", id, "PUBLISH");
        assertThat(read("grid2", "/api/v1/cases/" + id).get("problemIds")).isEmpty();
    }

    @Test
    void theOfficePlansAMeetingWithAcceptedCasesAndTheLibraryFilters() throws Exception {
        String accepted = submitOk(mvc, "team1", "班组廉洁提醒 " + tag).get("id").asString();
        String pending = submitOk(mvc, "grid2", "网格走访 " + tag).get("id").asString();
        act(mvc, "admin", accepted, "ACCEPT");
        String team1 = String.valueOf(users.findByUsername("team1").orElseThrow().id());
        String date = LocalDate.now().plusDays(10).toString();

        assertThat(planMeeting(mvc, "grid1", date, List.of(accepted), List.of(team1)).getStatus()).isEqualTo(403);
        MockHttpServletResponse bad = planMeeting(mvc, "admin", date, List.of(pending), List.of(team1));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(fields(bad.getContentAsString())).containsExactly("caseIds");

        MockHttpServletResponse planned = planMeeting(mvc, "admin", date, List.of(accepted), List.of(team1));
        assertThat(planned.getStatus()).as(planned.getContentAsString()).isEqualTo(201);
        JsonNode m = Api.json(planned.getContentAsString());
        assertThat(m.get("presenters").get(0).get("id").asString()).isEqualTo(team1);
        assertThat(m.get("cases").findValuesAsString("id")).containsExactly(accepted);
        String meetingId = m.get("id").asString();
        // a supervisor reads the meeting but not a case he may not read yet; an employee not at all
        JsonNode seenByGrid2 = Api.json(mvc.perform(Api.as(mvc, "grid2", get("/api/v1/case-meetings")))
                .andReturn().getResponse().getContentAsString());
        for (JsonNode x : seenByGrid2) {
            if (x.get("id").asString().equals(meetingId)) {
                assertThat(x.get("cases")).isEmpty();
            }
        }
        assertThat(status("staff1", "/api/v1/case-meetings")).isEqualTo(403);
        assertThat(read("admin", "/api/v1/cases/" + accepted).get("meetingId").asString()).isEqualTo(meetingId);
        String selectedAt = read("admin", "/api/v1/cases/" + accepted).get("selectedAt").asString();
        assertThat(selectedAt).isNotBlank();

        JsonNode pub = Api.json(act(mvc, "admin", accepted, "PUBLISH").getContentAsString());
        assertThat(pub.get("quarter").asString()).isEqualTo(m.get("quarter").asString());
        // selected once: publishing after the meeting keeps the selection's time
        assertThat(pub.get("selectedAt").asString()).isEqualTo(selectedAt);

        String library = "/api/v1/cases?status=PUBLISHED&q=" + tag;
        assertThat(read("grid2", library).get("items").findValuesAsString("id")).containsExactly(accepted);
        assertThat(read("grid2", library + "&kind=WARNING_EDUCATION").get("items")).isEmpty();
        assertThat(read("grid2", library + "&quarter=" + pub.get("quarter").asString()).get("items")).hasSize(1);
        long market = Api.orgUnitId(mvc, "市场经营部");
        long hepu = Api.orgUnitId(mvc, "合浦分公司");
        assertThat(read("grid2", library + "&unitId=" + market).get("items")).hasSize(1);
        assertThat(read("grid2", library + "&unitId=" + hepu).get("items")).isEmpty();
        assertThat(status("grid2", "/api/v1/cases?quarter=2026-3")).isEqualTo(400);
        // the review queue of the office; grid2 sees his own pending case, not team1's
        assertThat(read("admin", "/api/v1/cases?status=SUBMITTED&q=" + tag).get("items").findValuesAsString("id"))
                .containsExactly(pending);
        assertThat(read("grid1", "/api/v1/cases?q=" + tag).get("items").findValuesAsString("id"))
                .containsExactly(accepted);
        assertThat(read("staff1", "/api/v1/cases?q=" + tag).get("items")).isEmpty();
        // a literal % is searched for, not a wildcard
        assertThat(read("admin", "/api/v1/cases?q=" + tag.substring(0, 4) + "%25").get("items")).isEmpty();
    }
}
