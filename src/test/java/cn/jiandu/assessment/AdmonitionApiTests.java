package cn.jiandu.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.assessment.domain.Grades;
import cn.jiandu.assessment.domain.SchemeDefinition;
import cn.jiandu.assessment.domain.StandardSchemes;
import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.shared.security.Role;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.LedgerSupervisors;
import cn.jiandu.support.Pages;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * 约谈 per role: publishing a run opens one record per 不合格 (and a correction run does not open a second); the
 * discipline secretary schedules, holds, checks the follow-up and closes, each step audited and refused out of
 * order; the supervisor reads only his own (another's → 404) and cannot act on it (403).
 */
@IntegrationTest
class AdmonitionApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext ctx;
    @Autowired
    JianduUserDetailsService details;

    JsonNode call(String user, MockHttpServletRequestBuilder r, int expected) throws Exception {
        String s = mvc.perform(Api.as(mvc, user, r.contentType(MediaType.APPLICATION_JSON)))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return s.isEmpty() ? null : Api.json(s);
    }

    String publishRun(String schemeId, String period) throws Exception {
        String id = call("admin", post("/api/v1/assessments").content(Api.write(Map.of("schemeId", schemeId,
                "period", period))), 201).get("id").asString();
        return id;
    }

    void submitAndPublish(String runId) throws Exception {
        call("admin", post("/api/v1/assessments/" + runId + "/actions").content("{\"action\":\"SUBMIT\"}"), 200);
        call("secretary", post("/api/v1/assessments/" + runId + "/actions").content("{\"action\":\"PUBLISH\"}"), 200);
    }

    /** The run's 约谈 records as the admin lists them (filtered to this test's run). */
    List<JsonNode> ofRun(String user, String runId, String status) throws Exception {
        JsonNode page = call(user, get("/api/v1/admonitions").param("size", "100")
                .param("status", status == null ? "" : status), 200);
        List<JsonNode> out = new ArrayList<>();
        page.get("items").forEach(i -> {
            if (i.get("assessmentId").asString().equals(runId)) {
                out.add(i);
            }
        });
        return out;
    }

    JsonNode act(String user, String id, Map<String, Object> body, int expected) throws Exception {
        return call(user, post("/api/v1/admonitions/" + id + "/actions").content(Api.write(body)), expected);
    }

    @Test
    void everyUnqualifiedGetsOneTalkTrackedUntilClosed() throws Exception {
        int year = FreeYear.pick(jdbc, 2100, 50);
        SchemeDefinition std = StandardSchemes.of(Role.GRID_SUPERVISOR, year);
        // 合格 from 5: the rubric score below makes grid1 合格 and leaves grid2 at 0, 不合格
        SchemeDefinition def = new SchemeDefinition(std.type(), std.year(), std.dimensions(),
                new Grades(new BigDecimal("90"), new BigDecimal("5"), null));
        String schemeId = call("admin", post("/api/v1/assessment-schemes").content(Api.write(def)), 201).get("id")
                .asString();
        List<Long> appointed = LedgerSupervisors.in(ctx).appoint(Role.GRID_SUPERVISOR,
                Api.orgUnitId(mvc, "廉州网格"), LocalDate.of(year, 1, 1), "grid1", "grid2");
        long a1 = appointed.get(0);
        long a2 = appointed.get(1);
        String run = publishRun(schemeId, year + "-Q1");
        call("admin", put("/api/v1/assessments/" + run + "/results/" + a1 + "/scores").content(Api.write(Map.of(
                "indicatorCode", "QUALITY_RUBRIC", "score", 8, "reason", "问题描述清楚"))), 200);
        assertThat(ofRun("admin", run, null)).as("a draft opens none").isEmpty();
        submitAndPublish(run);

        // one record, for the 不合格 only
        List<JsonNode> opened = ofRun("admin", run, "OPEN");
        assertThat(opened).hasSize(1);
        JsonNode a = opened.get(0);
        assertThat(a.get("appointmentId").asString()).isEqualTo(String.valueOf(a2));
        assertThat(a.get("person").asString()).isEqualTo(call("admin", get("/api/v1/assessments/" + run
                + "/results"), 200).at("/items/1/person").asString());
        assertThat(a.get("status").asString()).isEqualTo("OPEN");
        String id = a.get("id").asString();
        String path = "/api/v1/admonitions/" + id;

        // who reads: the person and the leaders; another supervisor 404; a handler 403
        assertThat(call("grid2", get(path), 200).get("id").asString()).isEqualTo(id);
        assertThat(ofRun("grid2", run, null)).hasSize(1);
        call("grid1", get(path), 404);
        assertThat(ofRun("grid1", run, null)).isEmpty();
        call("handler1", get("/api/v1/admonitions"), 403);
        call("grid2", post(path + "/actions").content("{\"action\":\"SCHEDULE\",\"date\":\"2099-01-01\"}"), 403);
        call("grid1", post(path + "/actions").content("{\"action\":\"SCHEDULE\",\"date\":\"2099-01-01\"}"), 404);
        assertThat(call("admin", get("/api/v1/admonitions").param("status", "LATER"), 400).at("/errors/0/field")
                .asString()).isEqualTo("status");

        // out of order or incomplete → refused, nothing written
        assertThat(act("secretary", id, Map.of("action", "SCHEDULE"), 400).at("/errors/0/field").asString())
                .isEqualTo("date");
        act("secretary", id, Map.of("action", "HOLD", "date", LocalDate.now().toString(), "summary", "s",
                "followUp", "f"), 409);
        act("secretary", id, Map.of("action", "CLOSE"), 409);
        assertThat(call("admin", get(path), 200).get("status").asString()).isEqualTo("OPEN");

        LocalDate today = LocalDate.now();
        JsonNode scheduled = act("secretary", id, Map.of("action", "SCHEDULE", "date", today.toString()), 200);
        assertThat(scheduled.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(scheduled.get("scheduledOn").asString()).isEqualTo(today.toString());
        assertThat(act("secretary", id, Map.of("action", "HOLD", "date", today.plusDays(1).toString(), "summary", "s",
                "followUp", "f"), 400).at("/errors/0/field").asString()).isEqualTo("date");
        assertThat(act("secretary", id, Map.of("action", "HOLD", "date", today.toString(), "summary", " ",
                "followUp", "f"), 400).at("/errors/0/field").asString()).isEqualTo("summary");
        JsonNode held = act("secretary", id, Map.of("action", "HOLD", "date", today.toString(),
                "summary", "指出发现问题为零、履职材料未按时反馈", "followUp", "每月至少报送一条一点通问题"), 200);
        assertThat(held.get("status").asString()).isEqualTo("HELD");
        assertThat(held.get("followUp").asString()).isEqualTo("每月至少报送一条一点通问题");
        act("secretary", id, Map.of("action", "SCHEDULE", "date", today.toString()), 409);
        act("admin", id, Map.of("action", "CLOSE"), 409);
        JsonNode checked = act("admin", id, Map.of("action", "CHECK_FOLLOW_UP", "date", today.toString(),
                "summary", "已报送两条问题"), 200);
        assertThat(checked.get("followUpCheckedOn").asString()).isEqualTo(today.toString());
        assertThat(act("secretary", id, Map.of("action", "CLOSE"), 200).get("status").asString()).isEqualTo("CLOSED");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_entry WHERE target_type = 'assessment_admonition' AND target_id = :t""")
                .param("t", id).query(Long.class).single()).as("schedule, hold, check, close").isEqualTo(4);
        long told = 0;
        for (int i = 0; i < 400 && told == 0; i++) {
            told = jdbc.sql("SELECT COUNT(*) FROM notification WHERE link = :l").param("l",
                    "/assessment/admonitions/" + id).query(Long.class).single();
            Thread.sleep(25);
        }
        assertThat(told).as("told of the date").isEqualTo(1);

        // a correction publishing the same 不合格 does not open a second talk
        String v2 = call("admin", post("/api/v1/assessments/" + run + "/actions").content("{\"action\":\"REOPEN\"}"),
                200).get("id").asString();
        submitAndPublish(v2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_admonition WHERE appointment_id = :a")
                .param("a", a2).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_admonition WHERE appointment_id = :a")
                .param("a", a1).query(Long.class).single()).isZero();
    }

    @Test
    void theSecretaryRecordsTheTalkInThePageAndARefusalKeepsWhatWasTyped() throws Exception {
        int year = FreeYear.pick(jdbc, 2100, 50);
        String schemeId = call("admin", post("/api/v1/assessment-schemes")
                .content(Api.write(StandardSchemes.of(Role.GRID_SUPERVISOR, year))), 201).get("id").asString();
        long a = LedgerSupervisors.in(ctx).appoint(Role.GRID_SUPERVISOR, Api.orgUnitId(mvc, "廉州网格"),
                LocalDate.of(year, 1, 1), "grid3").get(0);
        String run = publishRun(schemeId, year + "-Q2");
        submitAndPublish(run);
        long id = jdbc.sql("SELECT id FROM assessment_admonition WHERE appointment_id = :a").param("a", a)
                .query(Long.class).single();
        String url = "/assessment/admonitions/" + id;

        String own = mvc.perform(get(url).header("Accept-Language", "zh-CN").with(Pages.as(details, "grid3")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(own).contains("待约谈").doesNotContain("data-testid=\"schedule\"");
        mvc.perform(get(url).with(Pages.as(details, "grid1"))).andExpect(status().isNotFound());

        mvc.perform(post(url + "/actions").param("action", "SCHEDULE").param("date", LocalDate.now().toString())
                .with(Pages.as(details, "secretary")).with(csrf())).andExpect(status().is3xxRedirection());
        String refused = mvc.perform(post(url + "/actions").param("action", "HOLD")
                .param("date", LocalDate.now().toString()).param("summary", "谈话要点已记录").param("followUp", "")
                .header("Accept-Language", "zh-CN").with(Pages.as(details, "secretary")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("谈话要点已记录").contains("data-testid=\"error\"");
        assertThat(jdbc.sql("SELECT status FROM assessment_admonition WHERE id = :i").param("i", id)
                .query(String.class).single()).isEqualTo("SCHEDULED");
        String list = mvc.perform(get("/assessment/admonitions").param("status", "SCHEDULED")
                .header("Accept-Language", "zh-CN").with(Pages.as(details, "secretary"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("admonition-" + id).contains("已安排");
    }
}
