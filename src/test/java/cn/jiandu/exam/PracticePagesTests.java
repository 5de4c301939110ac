package cn.jiandu.exam;

import static cn.jiandu.exam.ExamFixtures.singles;
import static cn.jiandu.exam.ExamFixtures.uniqueCategory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * 练习 / 错题本 on a supervisor's phone: reached from his home page, immediate feedback per answer (an htmx fragment
 * or a whole page), a wrong answer enters his wrong-answer book and two right answers in a row take it out.
 */
@IntegrationTest
class PracticePagesTests {

    static final String WHO = "team7";

    @Autowired
    MockMvc mvc;
    @Autowired
    JianduUserDetailsService details;
    @Autowired
    JdbcClient jdbc;

    MockHttpServletResponse page(String who, String url, String lang) throws Exception {
        return mvc.perform(get(url).with(Pages.as(details, who)).cookie(new Cookie("lang", lang))).andReturn()
                .getResponse();
    }

    MockHttpServletResponse send(String who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(Pages.as(details, who)).with(csrf()).cookie(new Cookie("lang", "zh-CN")))
                .andReturn().getResponse();
    }

    String start(String category, boolean fromWrongBook, int count) throws Exception {
        MockHttpServletRequestBuilder r = post("/exams/practice").param("count", String.valueOf(count));
        if (category != null) {
            r.param("category", category);
        }
        if (fromWrongBook) {
            r.param("fromWrongBook", "true");
        }
        MockHttpServletResponse res = send(WHO, r);
        assertThat(res.getStatus()).isEqualTo(302);
        assertThat(res.getRedirectedUrl()).startsWith("/exams/practice/");
        return res.getRedirectedUrl().substring("/exams/practice/".length());
    }

    MockHttpServletResponse answer(String practice, String question, String key, boolean htmx) throws Exception {
        MockHttpServletRequestBuilder r = post("/exams/practice/" + practice + "/answers").param("questionId", question)
                .param("answer", key);
        if (htmx) {
            r.header("HX-Request", "true");
        }
        return send(WHO, r);
    }

    @Test
    void hisHomePageLeadsToPracticeInBothLanguages() throws Exception {
        assertThat(page(WHO, "/", "zh-CN").getContentAsString()).contains("href=\"/exams/practice\"", "练习 / 错题本");
        MockHttpServletResponse zh = page(WHO, "/exams/practice", "zh-CN");
        assertThat(zh.getStatus()).isEqualTo(200);
        assertThat(zh.getContentAsString()).contains("开始练习", "错题本", "党纪法规", "不计入考试成绩");
        assertThat(page(WHO, "/exams/practice", "en").getContentAsString()).contains("Start practising",
                "Wrong-answer book");
        assertThat(page(WHO, "/exams/wrong-book", "en").getContentAsString()).contains("Wrong-answer book",
                "2 times in a row");
    }

    @Test
    void heGetsImmediateFeedbackAndTwoRightAnswersInARowTakeAQuestionOutOfHisBook() throws Exception {
        String category = uniqueCategory();
        List<String> ids = singles(mvc, category, 2);
        String practice = start(category, false, 2);
        String sheet = page(WHO, "/exams/practice/" + practice, "zh-CN").getContentAsString();
        assertThat(sheet).contains("1/2", "type=\"radio\"", "name=\"answer\"", "hx-post=");
        String first = ids.stream().filter(id -> sheet.contains(category + " 第" + ids.indexOf(id) + "题")).findFirst()
                .orElseThrow();
        String second = ids.get(1 - ids.indexOf(first));

        // wrong, under htmx: only the card, with the right answer and the explanation
        MockHttpServletResponse wrong = answer(practice, first, "B", true);
        assertThat(wrong.getStatus()).isEqualTo(200);
        String card = wrong.getContentAsString();
        assertThat(card).doesNotContain("<html").contains("id=\"jd-practice-card\"", "回答错误", "正确答案",
                "解析：" + category + " 第" + ids.indexOf(first) + "题", "此题在你的错题本中");
        assertThat(page(WHO, "/exams/wrong-book", "zh-CN").getContentAsString())
                .contains(category + " 第" + ids.indexOf(first) + "题", "答错 1 次 · 再连续答对 2 次移出");

        // right, without htmx: the whole page
        MockHttpServletResponse right = answer(practice, second, "A", false);
        assertThat(right.getContentAsString()).contains("<html", "回答正确", "此题不在你的错题本中");
        assertThat(page(WHO, "/exams/practice/" + practice, "zh-CN").getContentAsString())
                .contains("本次练习答对 1 / 2 题");

        // from the book: right twice in a row and it leaves
        for (int round = 1; round <= 2; round++) {
            String again = start(null, true, 50);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM exam_practice_item WHERE practice_id = :p AND question_id = :q")
                    .param("p", Long.parseLong(again)).param("q", Long.parseLong(first)).query(Long.class).single())
                    .isEqualTo(1);
            String fb = answer(again, first, "A", true).getContentAsString();
            assertThat(fb).contains("回答正确", round == 1 ? "此题在你的错题本中" : "此题不在你的错题本中");
        }
        assertThat(page(WHO, "/exams/wrong-book", "zh-CN").getContentAsString())
                .doesNotContain(category + " 第" + ids.indexOf(first) + "题");
        // practice is never an exam result
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exam_attempt a JOIN exam_attempt_item i ON i.attempt_id = a.id "
                + "WHERE i.question_id = :q").param("q", Long.parseLong(first)).query(Long.class).single()).isZero();
    }

    @Test
    void anotherPersonsPracticeIsNotFoundAndAnEmptyCategoryIsRefusedOnTheForm() throws Exception {
        String category = uniqueCategory();
        singles(mvc, category, 1);
        String practice = start(category, false, 1);
        assertThat(page("team8", "/exams/practice/" + practice, "zh-CN").getStatus()).isEqualTo(404);
        MockHttpServletResponse empty = send(WHO, post("/exams/practice").param("category", category + "-无")
                .param("count", "5"));
        assertThat(empty.getStatus()).isEqualTo(400);
        assertThat(empty.getContentAsString()).contains("没有可练习的题目", "开始练习");
        MockHttpServletResponse tooMany = send(WHO, post("/exams/practice").param("category", category)
                .param("count", "500"));
        assertThat(tooMany.getStatus()).isEqualTo(400);
        assertThat(tooMany.getContentAsString()).contains("练习题数为 1 到 50", "value=\"500\"");
    }
}
