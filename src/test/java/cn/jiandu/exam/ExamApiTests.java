package cn.jiandu.exam;

import static cn.jiandu.exam.ExamFixtures.created;
import static cn.jiandu.exam.ExamFixtures.fixedPaper;
import static cn.jiandu.exam.ExamFixtures.openExam;
import static cn.jiandu.exam.ExamFixtures.postJson;
import static cn.jiandu.exam.ExamFixtures.single;
import static cn.jiandu.exam.ExamFixtures.singles;
import static cn.jiandu.exam.ExamFixtures.uniqueCategory;
import static cn.jiandu.exam.ExamFixtures.users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.exam.domain.Attempts;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** The exam journey through the REST contract, per role, and every refusal of the issue. */
@IntegrationTest
@RecordApplicationEvents
class ExamApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDirectory users;
    @Autowired
    Attempts attempts;
    @Autowired
    ApplicationEvents events;

    String id(String username) {
        return String.valueOf(users.findByUsername(username).orElseThrow().id());
    }

    ResultActions answer(String user, String attempt, String question, List<String> answer, Long seq)
            throws Exception {
        var body = new java.util.HashMap<String, Object>();
        body.put("answer", answer);
        if (seq != null) {
            body.put("seq", seq);
        }
        return mvc.perform(Api.as(mvc, user, put("/api/v1/attempts/" + attempt + "/answers/" + question))
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(body)));
    }

    JsonNode body(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r,
            int expected) throws Exception {
        var resp = mvc.perform(Api.as(mvc, user, r)).andReturn().getResponse();
        assertThat(resp.getStatus()).as(resp.getContentAsString()).isEqualTo(expected);
        String s = resp.getContentAsString();
        return s.isEmpty() ? null : Api.json(s);
    }

    @Test
    void candidateStartsAnswersResumesSubmitsAndSeesHisReview() throws Exception {
        String cat = uniqueCategory();
        List<String> ids = new ArrayList<>(singles(mvc, cat, 3));
        ids.add(created(mvc, "/api/v1/questions", Map.of("type", "MULTIPLE", "stem", cat + " 多选", "category", cat,
                "difficulty", 3, "options", List.of(Map.of("key", "A", "text", "一"), Map.of("key", "B", "text", "二"),
                        Map.of("key", "C", "text", "三")), "answer", List.of("A", "C"))).get("id").asString());
        ids.add(created(mvc, "/api/v1/questions", Map.of("type", "TRUE_FALSE", "stem", cat + " 判断", "category", cat,
                "difficulty", 1, "answer", List.of("true"))).get("id").asString());
        ids.add(created(mvc, "/api/v1/questions", Map.of("type", "FILL", "stem", cat + " 填空____", "category", cat,
                "difficulty", 2, "answer", List.of("八项规定", "中央八项规定"))).get("id").asString());
        String paper = fixedPaper(mvc, ids, 10);
        String exam = openExam(mvc, paper, users(id("grid1")), 1, "AFTER_SUBMIT");

        JsonNode mine = body("grid1", get("/api/v1/exams/mine"), 200);
        JsonNode line = find(mine, "id", exam);
        assertThat(line.get("state").asString()).isEqualTo("OPEN");
        assertThat(line.get("attemptsUsed").asInt()).isZero();
        assertThat(find(body("grid2", get("/api/v1/exams/mine"), 200), "id", exam)).isNull();

        JsonNode started = body("grid1", post("/api/v1/exams/" + exam + "/attempts"), 201);
        String attempt = started.get("attemptId").asString();
        assertThat(started.get("questions")).hasSize(6);
        assertThat(started.get("deadline").asString()).isNotBlank();
        String raw = started.toString();
        assertThat(raw).doesNotContain("\"answer\"", "explanation", "rightAnswer");
        Set<String> shown = new HashSet<>();
        started.get("questions").forEach(q -> shown.add(q.get("id").asString()));
        assertThat(shown).containsExactlyInAnyOrderElementsOf(ids);

        // saves are ordered per question: an older save arriving late never overwrites a newer one
        answer("grid1", attempt, ids.get(0), List.of("B"), 2L).andExpect(status().isNoContent());
        answer("grid1", attempt, ids.get(0), List.of("C"), 1L).andExpect(status().isNoContent());
        answer("grid1", attempt, ids.get(0), List.of("B"), 2L).andExpect(status().isNoContent());
        answer("grid1", attempt, ids.get(0), List.of("A"), 3L).andExpect(status().isNoContent());
        answer("grid1", attempt, ids.get(1), List.of("A"), 1L).andExpect(status().isNoContent());
        answer("grid1", attempt, ids.get(3), List.of("C", "A"), 1L).andExpect(status().isNoContent());
        answer("grid1", attempt, ids.get(4), List.of("true"), 1L).andExpect(status().isNoContent());
        answer("grid1", attempt, ids.get(5), List.of("  中央八项规定 "), 1L).andExpect(status().isNoContent());
        // bad input: an unknown option, a question not in the attempt, someone else's attempt
        answer("grid1", attempt, ids.get(2), List.of("Z"), 1L).andExpect(status().isBadRequest());
        answer("grid1", attempt, "999999", List.of("A"), 1L).andExpect(status().isBadRequest());
        answer("grid2", attempt, ids.get(2), List.of("A"), 1L).andExpect(status().isNotFound());
        body("grid2", get("/api/v1/attempts/" + attempt), 404);
        body("grid2", post("/api/v1/exams/" + exam + "/attempts"), 404);
        // leaving the page is counted, never penalised
        mvc.perform(Api.as(mvc, "grid1", post("/api/v1/attempts/" + attempt + "/events"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"type\":\"HIDDEN\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(Api.as(mvc, "grid1", post("/api/v1/attempts/" + attempt + "/events"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"type\":\"VISIBLE\"}"))
                .andExpect(status().isNoContent());

        // a closed browser resumes the same attempt with its answers
        JsonNode resumed = body("grid1", post("/api/v1/exams/" + exam + "/attempts"), 200);
        assertThat(resumed.get("attemptId").asString()).isEqualTo(attempt);
        assertThat(resumed.get("answers").get(ids.get(0)).get(0).asString()).isEqualTo("A");
        assertThat(resumed.get("answers").has(ids.get(2))).isFalse();

        JsonNode result = body("grid1", post("/api/v1/attempts/" + attempt + "/submit"), 200);
        // 5 of 6 right (the third single unanswered), 10 points each
        assertThat(result.get("score").decimalValue()).isEqualByComparingTo("50");
        assertThat(result.get("maxScore").decimalValue()).isEqualByComparingTo("60");
        assertThat(result.get("passed").asBoolean()).isTrue();
        JsonNode review = result.get("review");
        assertThat(review).hasSize(6);
        JsonNode fill = find(review, "questionId", ids.get(5));
        assertThat(fill.get("rightAnswer").get(0).asString()).isEqualTo("八项规定");
        assertThat(find(review, "questionId", ids.get(0)).get("explanation").asString()).startsWith("解析");

        assertThat(events.stream(ExamGraded.class).filter(e -> e.attemptId() == Long.parseLong(attempt)))
                .singleElement().satisfies(e -> {
                    assertThat(e.userId()).isEqualTo(Long.parseLong(id("grid1")));
                    assertThat(e.score()).isEqualByComparingTo("50");
                    assertThat(e.passed()).isTrue();
                    assertThat(e.regrade()).isFalse();
                    assertThat(e.purpose()).isEqualTo(ExamPurpose.OTHER);
                });

        // after submit: answers refused, a second attempt beyond the allowed one refused
        answer("grid1", attempt, ids.get(2), List.of("A"), 5L).andExpect(status().isConflict());
        body("grid1", post("/api/v1/exams/" + exam + "/attempts"), 409);
        // the wrong-answer book holds the unanswered question
        JsonNode book = body("grid1", get("/api/v1/wrong-book"), 200);
        assertThat(find(book, "questionId", ids.get(2))).isNotNull();
        assertThat(find(book, "questionId", ids.get(0))).isNull();

        // results per role: the office and leaders; 合浦 branch secretary (grid1's subtree) yes, 市场经营部's no
        JsonNode rows = body("admin", get("/api/v1/exams/" + exam + "/results"), 200).get("items");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("displayName").asString()).isEqualTo("吴海涛");
        assertThat(rows.get(0).get("hiddenCount").asInt()).isEqualTo(1);
        assertThat(rows.get(0).get("resumedCount").asInt()).isEqualTo(1);
        assertThat(body("secretary", get("/api/v1/exams/" + exam + "/results"), 200).get("items")).hasSize(1);
        assertThat(body("bs_hepu", get("/api/v1/exams/" + exam + "/results"), 200).get("items")).hasSize(1);
        assertThat(body("bs_market", get("/api/v1/exams/" + exam + "/results"), 200).get("items")).isEmpty();
        body("grid1", get("/api/v1/exams/" + exam + "/results"), 403);
        JsonNode summary = body("admin", get("/api/v1/exams/" + exam + "/results/summary"), 200);
        assertThat(summary.get("passRate").asDouble()).isEqualTo(1.0);
        assertThat(summary.get("distribution").get("80-89").asInt()).isEqualTo(1);
        assertThat(summary.get("byType").get(0).get("key").asString()).isEqualTo("GRID_SUPERVISOR");
        byte[] xlsx = mvc.perform(Api.as(mvc, "bs_hepu", get("/api/v1/exams/" + exam + "/results.xlsx")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(1);
            assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("吴海涛");
        }
        JsonNode analysis = body("admin", get("/api/v1/exams/" + exam + "/analysis"), 200);
        assertThat(analysis.get("attempts").asInt()).isEqualTo(1);
        assertThat(analysis.get("questions")).hasSize(6);
        assertThat(analysis.get("reliable").asBoolean()).isFalse();
    }

    @Test
    void aRandomPaperIsAssembledAheadAndAStartOnlyOpensIt() throws Exception {
        String cat = uniqueCategory();
        singles(mvc, cat, 8);
        String paper = created(mvc, "/api/v1/papers", Map.of("title", "随机卷 " + cat, "rules",
                List.of(Map.of("category", cat, "count", 5, "points", 4)), "partialCredit", true)).get("id").asString();
        String exam = openExam(mvc, paper, users(id("team1"), id("team2")), 2, "NEVER");
        JsonNode prepared = Api.json(mvc.perform(Api.as(mvc, "admin", post("/api/v1/exams/" + exam + "/prepare")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(prepared.get("prepared").asInt()).isEqualTo(2);
        List<Long> drawn = jdbc.sql("""
                SELECT i.question_id FROM exam_attempt_item i JOIN exam_attempt a ON a.id = i.attempt_id
                WHERE a.exam_id = :e AND a.user_id = :u AND a.status = 'PREPARED' ORDER BY i.question_id""")
                .param("e", Long.parseLong(exam)).param("u", Long.parseLong(id("team1"))).query(Long.class).list();
        assertThat(drawn).hasSize(5).doesNotHaveDuplicates();
        // a prepared attempt is invisible to its candidate until he starts it
        assertThat(find(body("team1", get("/api/v1/exams/mine"), 200), "id", exam).get("attemptsUsed").asInt())
                .isZero();

        JsonNode started = body("team1", post("/api/v1/exams/" + exam + "/attempts"), 201);
        List<Long> opened = new ArrayList<>();
        started.get("questions").forEach(q -> {
            opened.add(Long.parseLong(q.get("id").asString()));
            assertThat(q.get("points").decimalValue()).isEqualByComparingTo("4");
        });
        assertThat(opened).containsExactlyInAnyOrderElementsOf(drawn);
        JsonNode result = body("team1", post("/api/v1/attempts/" + started.get("attemptId").asString() + "/submit"),
                200);
        assertThat(result.get("maxScore").decimalValue()).isEqualByComparingTo("20");
        assertThat(result.get("passed").asBoolean()).isFalse();
        assertThat(result.has("review") && !result.get("review").isNull()).as("review policy NEVER").isFalse();
        // the second attempt is drawn at start
        JsonNode second = body("team1", post("/api/v1/exams/" + exam + "/attempts"), 201);
        assertThat(second.get("questions")).hasSize(5);
    }

    @Test
    void theServerEnforcesTheDeadlineAndSubmitsWhatWasSaved() throws Exception {
        String cat = uniqueCategory();
        List<String> ids = singles(mvc, cat, 3);
        String exam = openExam(mvc, fixedPaper(mvc, ids, 1), users(id("grid3")), 1, "AFTER_SUBMIT");
        JsonNode started = body("grid3", post("/api/v1/exams/" + exam + "/attempts"), 201);
        String attempt = started.get("attemptId").asString();
        answer("grid3", attempt, ids.get(0), List.of("A"), 1L).andExpect(status().isNoContent());
        answer("grid3", attempt, ids.get(1), List.of("A"), 1L).andExpect(status().isNoContent());
        // the time limit runs out (the phone's clock is never asked)
        jdbc.sql("UPDATE exam_attempt SET deadline = :d WHERE id = :id")
                .param("d", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)))
                .param("id", Long.parseLong(attempt)).update();
        answer("grid3", attempt, ids.get(2), List.of("A"), 1L).andExpect(status().isConflict());
        assertThat(attempts.submitOverdue(10_000)).isGreaterThanOrEqualTo(1);
        JsonNode after = body("grid3", get("/api/v1/attempts/" + attempt), 200);
        assertThat(after.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(after.get("result").get("autoSubmitted").asBoolean()).isTrue();
        assertThat(after.get("result").get("score").decimalValue()).isEqualByComparingTo("2");
        assertThat(after.get("result").get("passed").asBoolean()).isTrue();
    }

    @Test
    void windowsAudiencesAndPapersAreCheckedBeforeAnythingIsWritten() throws Exception {
        String cat = uniqueCategory();
        List<String> ids = singles(mvc, cat, 2);
        String paper = fixedPaper(mvc, ids, 5);
        OffsetDateTime now = OffsetDateTime.now();
        JsonNode bad = Api.json(postJson(mvc, "admin", "/api/v1/exams", ExamFixtures.exam(paper, users(id("grid1")),
                now.plusHours(2), now.plusHours(1), 30, 1, "NEVER")).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString());
        assertThat(bad.toString()).contains("closesAt");
        // not yet open: 409
        String later = created(mvc, "/api/v1/exams", ExamFixtures.exam(paper, users(id("grid1")), now.plusDays(1),
                now.plusDays(2), 30, 1, "NEVER")).get("id").asString();
        body("grid1", post("/api/v1/exams/" + later + "/attempts"), 409);
        // a rule the bank cannot fill: 400 naming the rule and how many questions it lacks
        long papersBefore = jdbc.sql("SELECT COUNT(*) FROM exam_paper").query(Long.class).single();
        var resp = postJson(mvc, "admin", "/api/v1/papers", Map.of("title", "缺题", "rules", List.of(
                Map.of("category", cat, "count", 1, "points", 1), Map.of("category", cat, "count", 3, "points", 1))))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(resp).contains("rules[1].count").contains("第 2 条抽题规则缺少 2 道");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exam_paper").query(Long.class).single()).isEqualTo(papersBefore);
        // a question with a key that is no option
        var q = new java.util.HashMap<>(single(cat, "坏题", "Z"));
        postJson(mvc, "admin", "/api/v1/questions", q).andExpect(status().isBadRequest());
        postJson(mvc, "grid1", "/api/v1/questions", single(cat, "x", "A")).andExpect(status().isForbidden());
    }

    @Test
    void correctingAKeyRegradesEveryAttemptThatSawItAndAnEditMakesANewVersion() throws Exception {
        String cat = uniqueCategory();
        // the office keyed B, but A is right
        String wrongKey = created(mvc, "/api/v1/questions", single(cat, cat + " 键错了", "B")).get("id").asString();
        List<String> ids = new ArrayList<>(singles(mvc, cat, 1));
        ids.add(0, wrongKey);
        String exam = openExam(mvc, fixedPaper(mvc, ids, 50), users(id("grid4")), 1, "AFTER_SUBMIT");
        String attempt = body("grid4", post("/api/v1/exams/" + exam + "/attempts"), 201).get("attemptId").asString();
        answer("grid4", attempt, wrongKey, List.of("A"), 1L).andExpect(status().isNoContent());
        answer("grid4", attempt, ids.get(1), List.of("A"), 1L).andExpect(status().isNoContent());
        JsonNode first = body("grid4", post("/api/v1/attempts/" + attempt + "/submit"), 200);
        assertThat(first.get("score").decimalValue()).isEqualByComparingTo("50");
        assertThat(first.get("passed").asBoolean()).isFalse();

        var corrected = mvc.perform(Api.as(mvc, "admin", put("/api/v1/questions/" + wrongKey))
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(single(cat, cat + " 键错了", "A"))))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(corrected.getHeader("X-Question-Change")).isEqualTo("CORRECTED");
        assertThat(corrected.getHeader("X-Regraded-Attempts")).isEqualTo("1");
        JsonNode after = body("grid4", get("/api/v1/attempts/" + attempt), 200).get("result");
        assertThat(after.get("score").decimalValue()).isEqualByComparingTo("100");
        assertThat(after.get("passed").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT regrade_count FROM exam_attempt WHERE id = :id")
                .param("id", Long.parseLong(attempt)).query(Integer.class).single()).isEqualTo(1);
        assertThat(events.stream(ExamGraded.class).filter(e -> e.attemptId() == Long.parseLong(attempt) && e.regrade()))
                .singleElement().satisfies(e -> assertThat(e.score()).isEqualByComparingTo("100"));

        // changing the text of an answered question makes version 2; the attempt keeps the version it saw
        var edited = mvc.perform(Api.as(mvc, "admin", put("/api/v1/questions/" + wrongKey))
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(single(cat, cat + " 新题干", "A"))))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(edited.getHeader("X-Question-Change")).isEqualTo("NEW_VERSION");
        assertThat(Api.json(edited.getContentAsString()).get("version").asInt()).isEqualTo(2);
        JsonNode review = body("grid4", get("/api/v1/attempts/" + attempt), 200).get("result").get("review");
        assertThat(find(review, "questionId", wrongKey).get("stem").asString()).isEqualTo(cat + " 键错了");
    }

    @Test
    void importTakesAllRowsOrNoneAndListsEveryBadRow() throws Exception {
        String cat = uniqueCategory();
        byte[] template = mvc.perform(Api.as(mvc, "admin", get("/api/v1/questions/import-template.xlsx")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] bad;
        byte[] good;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("题型");
            for (int r = s.getLastRowNum(); r >= 1; r--) {
                s.removeRow(s.getRow(r));
            }
            row(s, 1, "单选", cat, "廉洁风险点排查多久一次？", "每月", "每季度", "每年", "B", "2");
            row(s, 2, "判断", cat, "党员可以收受礼金。", "", "", "", "错误", "1");
            row(s, 3, "多选题", cat, "选项里没有 D", "甲", "乙", "", "A,D", "2");
            row(s, 4, "问答", cat, "题型不存在", "", "", "", "x", "2");
            row(s, 5, "填空", cat, "四种形态第一种是____", "", "", "", "批评和自我批评|红脸出汗", "9");
            bad = bytes(wb);
            s.removeRow(s.getRow(3));
            s.removeRow(s.getRow(4));
            s.removeRow(s.getRow(5));
            good = bytes(wb);
        }
        String refused = mvc.perform(multipart("/api/v1/questions/import")
                .file(new MockMultipartFile("file", "q.xlsx", "application/octet-stream", bad))
                .header("Authorization", "Bearer " + Api.token(mvc, "admin")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        JsonNode rows = Api.json(refused).get("rows");
        Set<Integer> badRows = new HashSet<>();
        rows.forEach(r -> badRows.add(r.get("row").asInt()));
        assertThat(badRows).containsExactlyInAnyOrder(4, 5, 6);
        assertThat(body("admin", get("/api/v1/questions?category=" + cat), 200)).isEmpty();
        String ok = mvc.perform(multipart("/api/v1/questions/import")
                .file(new MockMultipartFile("file", "q.xlsx", "application/octet-stream", good))
                .header("Authorization", "Bearer " + Api.token(mvc, "admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Api.json(ok).get("imported").asInt()).isEqualTo(2);
        JsonNode list = body("admin", get("/api/v1/questions?category=" + cat), 200);
        assertThat(list).hasSize(2);
        assertThat(find(list, "type", "TRUE_FALSE").get("answer").get(0).asString()).isEqualTo("false");
    }

    @Test
    void practiceGivesImmediateFeedbackAndTwoRightInARowEmptyTheWrongBook() throws Exception {
        String cat = uniqueCategory();
        String q = singles(mvc, cat, 1).get(0);
        long attemptsBefore = jdbc.sql("SELECT COUNT(*) FROM exam_attempt WHERE user_id = :u")
                .param("u", Long.parseLong(id("grid5"))).query(Long.class).single();
        JsonNode session = Api.json(postJson(mvc, "grid5", "/api/v1/practice", Map.of("category", cat, "count", 5))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(session.get("questions")).hasSize(1);
        assertThat(session.toString()).doesNotContain("explanation");
        String pid = session.get("practiceId").asString();
        JsonNode wrong = practise("grid5", pid, q, "B");
        assertThat(wrong.get("correct").asBoolean()).isFalse();
        assertThat(wrong.get("rightAnswer").get(0).asString()).isEqualTo("A");
        assertThat(wrong.get("inWrongBook").asBoolean()).isTrue();
        postJson(mvc, "grid6", "/api/v1/practice/" + pid + "/answers", Map.of("questionId", q, "answer", List.of("A")))
                .andExpect(status().isNotFound());
        for (int round = 1; round <= 2; round++) {
            JsonNode again = Api.json(postJson(mvc, "grid5", "/api/v1/practice",
                    Map.of("fromWrongBook", true, "category", cat, "count", 5)).andExpect(status().isCreated())
                    .andReturn().getResponse().getContentAsString());
            JsonNode fb = practise("grid5", again.get("practiceId").asString(), q, "A");
            assertThat(fb.get("correct").asBoolean()).isTrue();
            assertThat(fb.get("inWrongBook").asBoolean()).as("after %d right", round).isEqualTo(round < 2);
        }
        postJson(mvc, "grid5", "/api/v1/practice", Map.of("fromWrongBook", true, "category", cat, "count", 5))
                .andExpect(status().isBadRequest());
        // practice is never an exam result
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exam_attempt WHERE user_id = :u")
                .param("u", Long.parseLong(id("grid5"))).query(Long.class).single()).isEqualTo(attemptsBefore);
    }

    JsonNode practise(String user, String practice, String question, String key) throws Exception {
        return Api.json(postJson(mvc, user, "/api/v1/practice/" + practice + "/answers",
                Map.of("questionId", question, "answer", List.of(key))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    static void row(Sheet s, int r, String... cells) {
        Row row = s.createRow(r);
        // type, category, stem, A, B, C, answer, difficulty
        int[] columns = {0, 1, 2, 3, 4, 5, 11, 14};
        for (int i = 0; i < cells.length; i++) {
            if (!cells[i].isEmpty()) {
                row.createCell(columns[i]).setCellValue(cells[i]);
            }
        }
    }

    static byte[] bytes(XSSFWorkbook wb) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.has(field) && value.equals(n.get(field).asString())) {
                return n;
            }
        }
        return null;
    }
}
