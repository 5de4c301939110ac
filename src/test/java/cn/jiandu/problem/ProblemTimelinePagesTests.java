package cn.jiandu.problem;

import static cn.jiandu.problem.ProblemFixtures.act;
import static cn.jiandu.problem.ProblemFixtures.photo;
import static cn.jiandu.problem.ProblemFixtures.submitOk;
import static cn.jiandu.problem.ProblemFixtures.unique;
import static cn.jiandu.problem.ProblemFixtures.unitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The detail page as the reporter and the unit read it: photos per step, every rating round, nothing retyped. */
@IntegrationTest
class ProblemTimelinePagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JianduUserDetailsService users;

    @Test
    void evidenceSitsUnderItsReplyAsAfterAndEveryRatingRoundKeepsItsGrade() throws Exception {
        String id = submitOk(mvc, "grid1", unique("分步照片"), "SERVICE", unitId(mvc, "渠道管理班组"),
                photo("before.jpg")).get("id").asString();
        act(mvc, "handler1", id, "ACCEPT").andExpect(status().isOk());
        mvc.perform(multipart("/api/v1/problems/" + id + "/actions")
                .file(new MockMultipartFile("action", "", MediaType.APPLICATION_JSON_VALUE,
                        Api.write(Map.of("action", "REPLY", "comment", "第一次整改")).getBytes(StandardCharsets.UTF_8)))
                .file(photo("after-1.jpg")).header("Authorization", "Bearer " + Api.token(mvc, "handler1")))
                .andExpect(status().isOk());
        rate(id, "DISSATISFIED", "台阶还是坏的");
        act(mvc, "handler1", id, "REPLY", "comment", "第二次整改").andExpect(status().isOk());
        rate(id, "SATISFIED", "修好了");

        JsonNode detail = Api.json(mvc.perform(Api.as(mvc, "grid1", get("/api/v1/problems/" + id))).andReturn()
                .getResponse().getContentAsString());
        List<String> grades = new ArrayList<>();
        for (JsonNode step : detail.get("timeline")) {
            if ("RATE".equals(step.get("action").asString())) {
                grades.add(step.get("rating").asString() + ":" + step.get("comment").asString());
            }
        }
        assertThat(grades).containsExactly("DISSATISFIED:台阶还是坏的", "SATISFIED:修好了");

        for (String reader : new String[] {"grid1", "handler1"}) {
            String html = page("/problems/" + id, reader);
            String before = section(html, "photos-before");
            assertThat(count(before, "/photos/")).as("the report's own photo, under 整改前").isEqualTo(2); // link + img
            assertThat(before).contains("整改前");
            String after = section(html, "photos-after");
            assertThat(after).contains("整改后");
            assertThat(count(after, "<img")).isEqualTo(1);
            assertThat(html).containsPattern("data-testid=\"step-rating\"[^>]*>不满意<")
                    .containsPattern("data-testid=\"step-rating\"[^>]*>满意<");
        }
    }

    @Test
    void aRefusedReplyComesBackWithTheTypedTextInItsOpenPanel() throws Exception {
        String id = submitOk(mvc, "grid1", unique("回复被拒"), "SERVICE", unitId(mvc, "渠道管理班组")).get("id")
                .asString();
        act(mvc, "handler1", id, "ACCEPT").andExpect(status().isOk());
        String typed = "已联系物业更换路灯，" + unique("回复");
        MockHttpServletResponse r = mvc.perform(multipart("/problems/" + id + "/actions")
                .file(new MockMultipartFile("photos", "x.jpg", "image/jpeg", "not a picture".getBytes()))
                .param("action", "REPLY").param("comment", typed).with(csrf()).with(Pages.as(users, "handler1")))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isBetween(400, 499);
        String html = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains(typed).contains("data-testid=\"action-error\"")
                .containsPattern("<details[^>]*data-action=\"REPLY\"[^>]*open");
        assertThat(Api.json(mvc.perform(Api.as(mvc, "handler1", get("/api/v1/problems/" + id))).andReturn()
                .getResponse().getContentAsString()).get("status").asString()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void theApproverSeesTheDaysAskedAndTheDateAnApprovalGives() throws Exception {
        String id = submitOk(mvc, "grid1", unique("延期可见"), "SERVICE", unitId(mvc, "渠道管理班组")).get("id")
                .asString();
        act(mvc, "handler1", id, "ACCEPT").andExpect(status().isOk());
        act(mvc, "handler1", id, "REQUEST_EXTENSION", "days", 4, "comment", "等材料").andExpect(status().isOk());
        String html = page("/problems/" + id, "admin");
        assertThat(html).containsPattern("申请延期 4 个工作日；现在批准，新期限为 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}")
                .contains("较晚");
    }

    @Test
    void dissatisfiedWithoutAReasonOnThePageKeepsTheChoiceAndSaysWhy() throws Exception {
        String id = submitOk(mvc, "grid1", unique("页面不满意"), "SERVICE", unitId(mvc, "渠道管理班组")).get("id")
                .asString();
        act(mvc, "handler1", id, "ACCEPT").andExpect(status().isOk());
        act(mvc, "handler1", id, "REPLY", "comment", "处理完毕").andExpect(status().isOk());
        MockHttpServletResponse r = mvc.perform(post("/problems/" + id + "/rating").param("rating", "DISSATISFIED")
                .param("comment", " ").with(csrf()).with(Pages.as(users, "grid1"))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("data-testid=\"rate-error\"", "写明原因")
                .containsPattern("id=\"rate-DISSATISFIED\"[^>]*checked");
    }

    private void rate(String id, String rating, String comment) throws Exception {
        mvc.perform(Api.as(mvc, "grid1", post("/api/v1/problems/" + id + "/rating")
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(Map.of("rating", rating,
                        "comment", comment))))).andExpect(status().isOk());
    }

    private String page(String path, String user) throws Exception {
        return mvc.perform(get(path).with(Pages.as(users, user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The {@code <div>} carrying the data-testid, up to its own closing tag (nested divs balanced). */
    private static String section(String html, String testId) {
        int attr = html.indexOf("data-testid=\"" + testId + "\"");
        assertThat(attr).as("section %s", testId).isPositive();
        int start = html.lastIndexOf("<div", attr);
        int depth = 0;
        int i = start;
        while (i < html.length()) {
            int open = html.indexOf("<div", i);
            int close = html.indexOf("</div>", i);
            if (open >= 0 && open < close) {
                depth++;
                i = open + 4;
            } else {
                depth--;
                i = close + 6;
                if (depth == 0) {
                    break;
                }
            }
        }
        return html.substring(start, i);
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
