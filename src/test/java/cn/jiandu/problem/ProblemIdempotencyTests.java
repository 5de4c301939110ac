package cn.jiandu.problem;

import static cn.jiandu.problem.ProblemFixtures.problemJson;
import static cn.jiandu.problem.ProblemFixtures.submission;
import static cn.jiandu.problem.ProblemFixtures.unique;
import static cn.jiandu.problem.ProblemFixtures.unitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.support.Api;
import cn.jiandu.support.Pages;
import cn.jiandu.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Idempotency-Key on the creating API: a retried or double-tapped submission files one report. */
@IntegrationTest
class ProblemIdempotencyTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JianduUserDetailsService users;

    @Test
    void theReportFormPostedTwiceWithItsKeyFilesOneReportAndBothLandOnIt() throws Exception {
        String title = unique("表单双击");
        String key = UUID.randomUUID().toString();
        String[] locations = new String[2];
        for (int i = 0; i < 2; i++) {
            MockHttpServletResponse r = mvc.perform(multipart("/problems").with(csrf()).with(Pages.as(users, "grid1"))
                    .param("title", title).param("description", "页面提交").param("categoryCode", "SERVICE")
                    .param("orgUnitId", String.valueOf(unitId(mvc, "渠道管理班组"))).param("_idempotency", key))
                    .andReturn().getResponse();
            assertThat(r.getStatus()).isEqualTo(302);
            locations[i] = r.getHeader("Location");
        }
        assertThat(locations[0]).matches(".*/problems/\\d+");
        assertThat(locations[1]).isEqualTo(locations[0]);
        assertThat(reportsTitled(title)).isEqualTo(1);
    }

    @Test
    void theSameKeyAndBodyTwiceFilesOneReportAndReturnsTheFirstAnswer() throws Exception {
        String title = unique("重复提交");
        String json = problemJson(title, "SERVICE", unitId(mvc, "渠道管理班组"));
        String key = UUID.randomUUID().toString();
        MockHttpServletResponse first = submitWithKey("grid1", json, key);
        MockHttpServletResponse second = submitWithKey("grid1", json, key);

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(second.getStatus()).isEqualTo(201);
        assertThat(first.getHeader("Idempotent-Replayed")).isNull();
        assertThat(second.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(Api.json(second.getContentAsString()).get("id").asString())
                .isEqualTo(Api.json(first.getContentAsString()).get("id").asString());
        assertThat(reportsTitled(title)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422AndCreatesNothing() throws Exception {
        long unit = unitId(mvc, "渠道管理班组");
        String title = unique("换了内容");
        String key = UUID.randomUUID().toString();
        assertThat(submitWithKey("grid1", problemJson(title, "SERVICE", unit), key).getStatus()).isEqualTo(201);

        String other = unique("另一份");
        MockHttpServletResponse refused = submitWithKey("grid1", problemJson(other, "SERVICE", unit), key);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(Api.json(refused.getContentAsString()).get("detail").asString()).contains("Idempotency-Key");
        assertThat(reportsTitled(other)).isZero();
    }

    @Test
    void keysArePerUserSoAnotherUsersKeyNeverReplaysSomeoneElsesReport() throws Exception {
        long unit = unitId(mvc, "渠道管理班组");
        String key = UUID.randomUUID().toString();
        String title = unique("各自的键");
        String json = problemJson(title, "SERVICE", unit);
        String a = Api.json(submitWithKey("grid1", json, key).getContentAsString()).get("id").asString();
        String b = Api.json(submitWithKey("grid2", json, key).getContentAsString()).get("id").asString();
        assertThat(a).isNotEqualTo(b);
        assertThat(reportsTitled(title)).isEqualTo(2);
    }

    @Test
    void aRefusedSubmissionDoesNotHoldTheKey() throws Exception {
        long unit = unitId(mvc, "渠道管理班组");
        String key = UUID.randomUUID().toString();
        String title = unique("先错后对");
        assertThat(submitWithKey("grid1", problemJson(title, "NO_SUCH_CATEGORY", unit), key).getStatus())
                .isEqualTo(400);
        assertThat(submitWithKey("grid1", problemJson(title, "SERVICE", unit), key).getStatus()).isEqualTo(201);
        assertThat(reportsTitled(title)).isEqualTo(1);
    }

    @Test
    void eightConcurrentRequestsWithOneKeyFileOneReportAndAllGetItsAnswer() throws Exception {
        String title = unique("并发提交");
        String json = problemJson(title, "SERVICE", unitId(mvc, "渠道管理班组"));
        String key = UUID.randomUUID().toString();
        Api.token(mvc, "grid1");
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<MockHttpServletResponse>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return submitWithKey("grid1", json, key);
                }));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<MockHttpServletResponse> f : results) {
                MockHttpServletResponse r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
                ids.add(Api.json(r.getContentAsString()).get("id").asString());
            }
            assertThat(ids).hasSize(n).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(reportsTitled(title)).isEqualTo(1);
    }

    @Test
    void aJsonActionSentTwiceWithOneKeyIsRecordedOnce() throws Exception {
        String id = Api.json(submitWithKey("grid1", problemJson(unique("备注两次"), "SERVICE",
                unitId(mvc, "渠道管理班组")), UUID.randomUUID().toString()).getContentAsString()).get("id").asString();
        String key = UUID.randomUUID().toString();
        String note = Api.write(java.util.Map.of("action", "URGE", "comment", unique("只催一次")));
        for (int i = 0; i < 2; i++) {
            assertThat(mvc.perform(Api.as(mvc, "admin", post("/api/v1/problems/" + id + "/actions")
                    .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key).content(note)))
                    .andReturn().getResponse().getStatus()).isEqualTo(200);
        }
        JsonNode detail = Api.json(mvc.perform(Api.as(mvc, "admin", get("/api/v1/problems/" + id))).andReturn()
                .getResponse().getContentAsString());
        int urges = 0;
        for (JsonNode step : detail.get("timeline")) {
            if ("URGE".equals(step.path("action").asString())) {
                urges++;
            }
        }
        assertThat(urges).isEqualTo(1);
    }

    private MockHttpServletResponse submitWithKey(String user, String json, String key) throws Exception {
        return mvc.perform(submission(json).header("Authorization", "Bearer " + Api.token(mvc, user))
                .header("Idempotency-Key", key)).andReturn().getResponse();
    }

    private int reportsTitled(String title) throws Exception {
        JsonNode page = Api.json(mvc.perform(Api.as(mvc, "admin", get("/api/v1/problems").param("q", title)))
                .andReturn().getResponse().getContentAsString());
        return page.get("items").size();
    }
}
