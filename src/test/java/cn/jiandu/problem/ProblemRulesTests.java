package cn.jiandu.problem;

import static cn.jiandu.problem.ProblemFixtures.act;
import static cn.jiandu.problem.ProblemFixtures.photo;
import static cn.jiandu.problem.ProblemFixtures.problemJson;
import static cn.jiandu.problem.ProblemFixtures.submit;
import static cn.jiandu.problem.ProblemFixtures.submitOk;
import static cn.jiandu.problem.ProblemFixtures.unique;
import static cn.jiandu.problem.ProblemFixtures.unitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.calendar.WorkingCalendar;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Official numbers without gaps, the extension date rule, and the reason a 不满意 must carry. */
@IntegrationTest
class ProblemRulesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingCalendar calendar;

    @Test
    void refusedSubmissionsBetweenAcceptedOnesLeaveNoGapInTheNumbers() throws Exception {
        long unit = unitId(mvc, "渠道管理班组");
        MockMultipartFile notAPhoto = new MockMultipartFile("photos", "x.jpg", "image/jpeg",
                "this is not a picture".getBytes());
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(sequence(submitOk(mvc, "grid1", unique("编号连续"), "SERVICE", unit, photo("ok.jpg"))));
            // refused after the report row was written (the photo is checked with the report): no number consumed
            MockHttpServletResponse refused = submit(mvc, "grid1", problemJson(unique("编号被拒"), "SERVICE", unit),
                    photo("ok.jpg"), notAPhoto).andReturn().getResponse();
            assertThat(refused.getStatus()).as(refused.getContentAsString()).isBetween(400, 499);
        }
        assertThat(numbers).containsExactly(numbers.get(0), numbers.get(0) + 1, numbers.get(0) + 2);
    }

    @Test
    void anExtensionOfAnOverdueItemCountsFromTheApprovalDayNotTheLongPastDueDate() throws Exception {
        String id = inProgress();
        Instant longAgo = Instant.now().minus(Duration.ofDays(15));
        jdbc.sql("UPDATE problem SET due_at = :d WHERE id = :id").param("d", Timestamp.from(longAgo))
                .param("id", Long.parseLong(id)).update();
        act(mvc, "handler1", id, "REQUEST_EXTENSION", "days", 5, "comment", "材料未到").andExpect(status().isOk());
        Instant before = Instant.now();
        Instant due = dueAt(act(mvc, "admin", id, "APPROVE_EXTENSION", "comment", "同意").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        Instant after = Instant.now();
        assertThat(due).as("5 working days after the approval, not after the old due date").isAfter(after)
                .isBetween(calendar.deadlineAfter(before, 5), calendar.deadlineAfter(after, 5));
        assertThat(due).isNotEqualTo(calendar.deadlineAfter(longAgo, 5));
    }

    @Test
    void anExtensionOfAnItemStillInTimeCountsFromItsDueDate() throws Exception {
        String id = inProgress();
        Instant later = Instant.now().plus(Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        jdbc.sql("UPDATE problem SET due_at = :d WHERE id = :id").param("d", Timestamp.from(later))
                .param("id", Long.parseLong(id)).update();
        act(mvc, "handler1", id, "REQUEST_EXTENSION", "days", 3, "comment", "需协调").andExpect(status().isOk());
        Instant due = dueAt(act(mvc, "admin", id, "APPROVE_EXTENSION").andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(due).isEqualTo(calendar.deadlineAfter(later, 3));
    }

    @Test
    void dissatisfiedWithoutAReasonIs400AndWithOneReopens() throws Exception {
        String id = inProgress();
        act(mvc, "handler1", id, "REPLY", "comment", "已处理").andExpect(status().isOk());
        for (String blank : new String[] {"", "   "}) {
            MockHttpServletResponse r = mvc.perform(Api.as(mvc, "grid1", post("/api/v1/problems/" + id + "/rating")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(Api.write(Map.of("rating", "DISSATISFIED", "comment", blank))))).andReturn().getResponse();
            assertThat(r.getStatus()).isEqualTo(400);
            assertThat(r.getContentAsString()).contains("\"field\":\"comment\"");
        }
        mvc.perform(Api.as(mvc, "grid1", post("/api/v1/problems/" + id + "/rating")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"rating\":\"DISSATISFIED\"}"))).andExpect(status().isBadRequest());
        JsonNode still = Api.json(mvc.perform(Api.as(mvc, "grid1", get("/api/v1/problems/" + id))).andReturn()
                .getResponse().getContentAsString());
        assertThat(still.get("status").asString()).isEqualTo("REPLIED");
        // with the reason it is taken, and the report goes back to the unit
        mvc.perform(Api.as(mvc, "grid1", post("/api/v1/problems/" + id + "/rating")
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(Map.of("rating", "DISSATISFIED",
                        "comment", "门口台阶还是坏的"))))).andExpect(status().isOk());
    }

    /** A report of grid1 dispatched by the demo rule to 市场经营部 and accepted by handler1. */
    private String inProgress() throws Exception {
        String id = submitOk(mvc, "grid1", unique("延期规则"), "SERVICE", unitId(mvc, "渠道管理班组")).get("id")
                .asString();
        act(mvc, "handler1", id, "ACCEPT").andExpect(status().isOk());
        return id;
    }

    private static Instant dueAt(String detail) {
        return OffsetDateTime.parse(Api.json(detail).get("dueAt").asString()).toInstant();
    }

    private static long sequence(JsonNode submitted) {
        String number = submitted.get("number").asString();
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }
}
