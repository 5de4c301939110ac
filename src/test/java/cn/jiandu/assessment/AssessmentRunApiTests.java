package cn.jiandu.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.assessment.domain.StandardSchemes;
import cn.jiandu.exam.ExamGraded;
import cn.jiandu.exam.ExamPurpose;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.shared.security.Role;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.LedgerSupervisors;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A run from start to objection, through the REST contract and per role: computed from the ledger, a rubric score
 * entered with a reason, submitted, published by the leader, frozen against later ledger changes, corrected as a new
 * version, objected to within the deadline and not after.
 */
@IntegrationTest
class AssessmentRunApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationContext ctx;

    @Autowired
    org.springframework.modulith.events.IncompleteEventPublications incomplete;

    JsonNode call(String user, MockHttpServletRequestBuilder r, int expected) throws Exception {
        String s = mvc.perform(Api.as(mvc, user, r.contentType(MediaType.APPLICATION_JSON)))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return s.isEmpty() ? null : Api.json(s);
    }

    long userId(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }

    @Test
    void theOfficeRunsTheLeaderPublishesTheSupervisorSeesHisOwnAndObjectsInTime() throws Exception {
        // a year no one else assesses, and two grid supervisors appointed for it
        int year = FreeYear.pick(jdbc, 2100, 50);
        String schemeId = call("admin", post("/api/v1/assessment-schemes")
                .content(Api.write(StandardSchemes.of(Role.GRID_SUPERVISOR, year))), 201).get("id").asString();
        java.util.List<Long> appointed = LedgerSupervisors.in(ctx).appoint(Role.GRID_SUPERVISOR,
                Api.orgUnitId(mvc, "廉州网格"), LocalDate.of(year, 1, 1), "grid1", "grid2");
        long a1 = appointed.get(0);
        long a2 = appointed.get(1);
        String period = year + "-Q1";

        call("admin", post("/api/v1/assessments").content(Api.write(Map.of("schemeId", schemeId,
                "period", (year + 1) + "-Q1"))), 400);
        JsonNode run = call("admin", post("/api/v1/assessments").content(Api.write(Map.of("schemeId", schemeId,
                "period", period))), 201);
        String id = run.get("id").asString();
        assertThat(run.get("status").asString()).isEqualTo("DRAFT");
        call("admin", post("/api/v1/assessments").content(Api.write(Map.of("schemeId", schemeId, "period", period))),
                409);
        JsonNode results = call("admin", get("/api/v1/assessments/" + id + "/results"), 200);
        assertThat(results.get("items")).hasSize(2);
        JsonNode first = results.at("/items/0");
        assertThat(first.get("appointmentId").asString()).isEqualTo(String.valueOf(a1));
        assertThat(first.get("person").asString()).isEqualTo("吴海涛");
        assertThat(first.get("total").decimalValue()).isEqualByComparingTo("0");
        assertThat(first.get("grade").asString()).isEqualTo("UNQUALIFIED");
        assertThat(first.at("/dimensions/0/indicators/0/evidence/0/metric").asString()).isEqualTo("feedbackOnTimeRate");

        // rubric scores: above the maximum, for a computed indicator, without a reason → 400; then accepted
        String scores = "/api/v1/assessments/" + id + "/results/" + a1 + "/scores";
        assertThat(call("admin", put(scores).content(Api.write(Map.of("indicatorCode", "QUALITY_RUBRIC", "score", 11,
                "reason", "x"))), 400).at("/errors/0/field").asString()).isEqualTo("score");
        assertThat(call("admin", put(scores).content(Api.write(Map.of("indicatorCode", "FOUND", "score", 1,
                "reason", "x"))), 400).at("/errors/0/field").asString()).isEqualTo("indicatorCode");
        assertThat(call("admin", put(scores).content(Api.write(Map.of("indicatorCode", "QUALITY_RUBRIC", "score", 8,
                "reason", " "))), 400).at("/errors/0/field").asString()).isEqualTo("reason");
        JsonNode scored = call("admin", put(scores).content(Api.write(Map.of("indicatorCode", "QUALITY_RUBRIC",
                "score", 8, "reason", "问题描述清楚、证据充分"))), 200);
        assertThat(scored.get("total").decimalValue()).isEqualByComparingTo("8");
        assertThat(scored.at("/dimensions/1/indicators/2/evidence/0/reason").asString()).isEqualTo("问题描述清楚、证据充分");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'assessment.score' AND target_id = :t")
                .param("t", id + "/" + a1).query(Long.class).single()).as("audited").isEqualTo(1);

        // a draft is the office's: the supervisor does not see it, the leader cannot publish it yet
        call("grid1", get("/api/v1/assessments/" + id), 404);
        call("secretary", post("/api/v1/assessments/" + id + "/actions").content("{\"action\":\"PUBLISH\"}"), 409);
        call("secretary", post("/api/v1/assessments/" + id + "/actions").content("{\"action\":\"SUBMIT\"}"), 403);
        call("admin", post("/api/v1/assessments/" + id + "/actions").content("{\"action\":\"SUBMIT\"}"), 200);
        call("admin", put(scores).content(Api.write(Map.of("indicatorCode", "QUALITY_RUBRIC", "score", 9,
                "reason", "改"))), 409);
        JsonNode published = call("secretary", post("/api/v1/assessments/" + id + "/actions")
                .content("{\"action\":\"PUBLISH\",\"comment\":\"同意发布\"}"), 200);
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.get("objectionDeadline").asString()).isNotEmpty();
        call("admin", put(scores).content(Api.write(Map.of("indicatorCode", "QUALITY_RUBRIC", "score", 9,
                "reason", "改"))), 409);

        // the supervisor sees his own result only, with its breakdown
        JsonNode mine = call("grid1", get("/api/v1/assessments/" + id + "/results"), 200);
        assertThat(mine.get("items")).hasSize(1);
        assertThat(mine.at("/items/0/appointmentId").asString()).isEqualTo(String.valueOf(a1));
        assertThat(mine.at("/items/0/dimensions")).hasSize(4);
        call("staff1", get("/api/v1/assessments/" + id + "/results"), 403);

        // frozen: a later exam in the period does not move the published result
        tx.executeWithoutResult(s -> events.publishEvent(new ExamGraded(9, a1, userId("grid1"),
                ExamPurpose.QUARTERLY_CLASS, null, new BigDecimal("100"), new BigDecimal("100"), true,
                LocalDate.of(Integer.parseInt(period.substring(0, 4)), 2, 1).atStartOfDay(ZoneId.of("Asia/Shanghai"))
                        .toInstant(), false)));
        cn.jiandu.support.Events.settle(jdbc, incomplete, "LedgerListeners");
        assertThat(call("admin", get("/api/v1/assessments/" + id + "/results"), 200).at("/items/0/total")
                .decimalValue()).isEqualByComparingTo("8");

        // objections: not someone else's, once, in time
        String objection = "/api/v1/assessments/" + id + "/results/" + a1 + "/objection";
        call("grid2", post(objection).content("{\"text\":\"不是我的\"}"), 404);
        call("grid1", post(objection).content("{\"text\":\" \"}"), 400);
        call("grid1", post(objection).content("{\"text\":\"考试成绩未计入\"}"), 201);
        call("grid1", post(objection).content("{\"text\":\"再次申诉\"}"), 409);
        jdbc.sql("UPDATE assessment_run SET objection_deadline = :d WHERE id = :id")
                .param("d", java.sql.Date.valueOf(LocalDate.now().minusDays(1))).param("id", Long.parseLong(id))
                .update();
        call("grid2", post("/api/v1/assessments/" + id + "/results/" + a2 + "/objection")
                .content("{\"text\":\"逾期\"}"), 409);

        // a correction is a new, visible version computed from today's ledger; the published one stays until replaced
        JsonNode v2 = call("admin", post("/api/v1/assessments/" + id + "/actions")
                .content("{\"action\":\"REOPEN\",\"comment\":\"考试成绩补录\"}"), 200);
        String id2 = v2.get("id").asString();
        assertThat(id2).isNotEqualTo(id);
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("supersedes").asString()).isEqualTo(id);
        assertThat(call("admin", get("/api/v1/assessments/" + id2 + "/results"), 200).at("/items/0/total")
                .decimalValue()).as("8 rubric + 15 exam").isEqualByComparingTo("23");
        assertThat(call("admin", get("/api/v1/assessments/" + id), 200).get("status").asString())
                .isEqualTo("PUBLISHED");
        call("admin", post("/api/v1/assessments/" + id2 + "/actions").content("{\"action\":\"SUBMIT\"}"), 200);
        call("secretary", post("/api/v1/assessments/" + id2 + "/actions").content("{\"action\":\"PUBLISH\"}"), 200);
        assertThat(call("admin", get("/api/v1/assessments/" + id), 200).get("status").asString())
                .isEqualTo("SUPERSEDED");
        assertThat(call("admin", get("/api/v1/assessments/" + id + "/results"), 200).at("/items/0/total")
                .decimalValue()).as("the earlier version stays as it was").isEqualByComparingTo("8");

        // the scheme used by a published run is not changed by an edit: a new version is made
        JsonNode scheme = call("admin", get("/api/v1/assessment-schemes/" + schemeId), 200);
        assertThat(scheme.get("inUse").asBoolean()).isTrue();
        JsonNode edited = call("admin", put("/api/v1/assessment-schemes/" + schemeId).content(scheme.toString()), 200);
        assertThat(edited.get("id").asString()).isNotEqualTo(schemeId);
        assertThat(edited.get("version").asInt()).isEqualTo(2);
        assertThat(call("admin", get("/api/v1/assessment-schemes/" + schemeId), 200).get("supersededBy").asString())
                .isEqualTo(edited.get("id").asString());
    }
}
