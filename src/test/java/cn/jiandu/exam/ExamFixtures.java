package cn.jiandu.exam;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.support.Api;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** Builds questions, papers and exams of a test's own category through the REST contract. */
final class ExamFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private ExamFixtures() {
    }

    static String uniqueCategory() {
        return "测试" + System.nanoTime() % 1_000_000_000L + "-" + SEQ.incrementAndGet();
    }

    static ResultActions postJson(MockMvc mvc, String user, String path, Object body) throws Exception {
        return mvc.perform(Api.as(mvc, user, post(path)).contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(body)));
    }

    static JsonNode created(MockMvc mvc, String path, Object body) throws Exception {
        var r = postJson(mvc, "admin", path, body).andReturn().getResponse();
        if (r.getStatus() != 201) {
            throw new AssertionError(path + " -> " + r.getStatus() + " " + r.getContentAsString());
        }
        return Api.json(r.getContentAsString());
    }

    static Map<String, Object> single(String category, String stem, String right) {
        return Map.of("type", "SINGLE", "stem", stem, "category", category, "difficulty", 2, "tags", List.of("t"),
                "options", List.of(Map.of("key", "A", "text", "甲"), Map.of("key", "B", "text", "乙"),
                        Map.of("key", "C", "text", "丙")),
                "answer", List.of(right), "explanation", "解析：" + stem);
    }

    /** {@code n} single-choice questions (key A) of a category; returns their ids. */
    static List<String> singles(MockMvc mvc, String category, int n) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(created(mvc, "/api/v1/questions", single(category, category + " 第" + i + "题", "A"))
                    .get("id").asString());
        }
        return ids;
    }

    static String fixedPaper(MockMvc mvc, List<String> ids, int points) throws Exception {
        return created(mvc, "/api/v1/papers", Map.of("title", "试卷 " + ids.get(0), "fixedQuestionIds", ids,
                "rules", List.of(), "partialCredit", false, "fixedPoints", points)).get("id").asString();
    }

    static Map<String, Object> exam(String paperId, Map<String, Object> audience, OffsetDateTime opens,
            OffsetDateTime closes, int limit, int attempts, String review) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("title", "考试 " + paperId + " " + SEQ.incrementAndGet());
        m.put("paperId", paperId);
        m.put("audience", audience);
        m.put("opensAt", opens.toString());
        m.put("closesAt", closes.toString());
        m.put("timeLimitMinutes", limit);
        m.put("attemptsAllowed", attempts);
        m.put("grading", "BEST");
        m.put("passMark", 60);
        m.put("shuffle", true);
        m.put("review", review);
        m.put("onboarding", false);
        return m;
    }

    static String openExam(MockMvc mvc, String paperId, Map<String, Object> audience, int attempts, String review)
            throws Exception {
        OffsetDateTime now = OffsetDateTime.now();
        return created(mvc, "/api/v1/exams", exam(paperId, audience, now.minusHours(1), now.plusHours(3), 30,
                attempts, review)).get("id").asString();
    }

    static Map<String, Object> users(String... ids) {
        return Map.of("userIds", List.of(ids));
    }
}
