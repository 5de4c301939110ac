package cn.jiandu.exam;

import static cn.jiandu.exam.ExamFixtures.singles;
import static cn.jiandu.exam.ExamFixtures.uniqueCategory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import jakarta.servlet.http.Cookie;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The office's pages for questions, papers and exams, in Chinese and English; refused forms keep what was typed. */
@IntegrationTest
class ExamOfficePagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JianduUserDetailsService details;
    @Autowired
    UserDirectory users;
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

    @Test
    void theOfficeWritesAQuestionOnThePageAndEditsIt() throws Exception {
        String category = uniqueCategory();
        MockHttpServletResponse form = page("admin", "/exams/bank/new", "zh-CN");
        assertThat(form.getStatus()).isEqualTo(200);
        assertThat(form.getContentAsString()).contains("新建题目", "name=\"options\"", "name=\"answer\"", "解析");
        assertThat(page("admin", "/exams/bank/new", "en").getContentAsString()).contains("New question",
                "Explanation", "Multiple choice");
        assertThat(page("grid1", "/exams/bank/new", "zh-CN").getStatus()).isEqualTo(403);

        String stem = category + " 下列哪些属于违反中央八项规定精神的行为？";
        // an answer key that is not an option: 400, the form again with what was typed
        MockHttpServletResponse bad = send("admin", post("/exams/bank").param("type", "MULTIPLE")
                .param("category", category).param("tags", "八项规定, 公务接待").param("difficulty", "3")
                .param("stem", stem).param("options", "公款吃喝", "违规发放津贴", "按标准用餐", "", "", "", "", "")
                .param("answer", "A,D").param("explanation", "公款吃喝和违规发放津贴都违反八项规定"));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("多选题的答案是一个或多个已有选项", stem, "违规发放津贴");
        assertThat(count(category)).isZero();

        MockHttpServletResponse ok = send("admin", post("/exams/bank").param("type", "MULTIPLE")
                .param("category", category).param("tags", "八项规定, 公务接待").param("difficulty", "3")
                .param("stem", stem).param("options", "公款吃喝", "违规发放津贴", "按标准用餐", "", "", "", "", "")
                .param("answer", "a，b").param("explanation", "公款吃喝和违规发放津贴都违反八项规定"));
        assertThat(ok.getStatus()).isEqualTo(302);
        long id = jdbc.sql("SELECT id FROM exam_question WHERE category = :c").param("c", category)
                .query(Long.class).single();
        assertThat(jdbc.sql("SELECT answer FROM exam_question_version WHERE question_id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("[\"A\",\"B\"]");
        assertThat(jdbc.sql("SELECT tags FROM exam_question WHERE id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("|八项规定|公务接待|");

        String edit = page("admin", "/exams/bank/" + id + "/edit", "zh-CN").getContentAsString();
        assertThat(edit).contains("编辑题目", stem, "value=\"违规发放津贴\"", "A,B");
        // a true/false question typed as 正确
        MockHttpServletResponse changed = send("admin", post("/exams/bank/" + id).param("type", "TRUE_FALSE")
                .param("category", category).param("tags", "").param("difficulty", "2")
                .param("stem", stem + "（判断）").param("answer", "错误").param("explanation", "改为判断题"));
        assertThat(changed.getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT v.answer FROM exam_question q JOIN exam_question_version v "
                + "ON v.question_id = q.id AND v.version = q.current_version WHERE q.id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("[\"false\"]");
        assertThat(page("admin", "/exams/bank?category=" + category, "zh-CN").getContentAsString())
                .contains(stem + "（判断）", "/exams/bank/" + id + "/edit");
    }

    @Test
    void aPaperRuleTheBankCannotFillIsRefusedBesideItsRowThenSaved() throws Exception {
        String category = uniqueCategory();
        List<String> ids = singles(mvc, category, 3);
        assertThat(page("admin", "/exams/papers/new", "zh-CN").getContentAsString()).contains("新建试卷",
                "随机抽题规则", "name=\"ruleCount\"", category + " 第0题");
        assertThat(page("admin", "/exams/papers/new", "en").getContentAsString()).contains("New paper",
                "Random-draw rules");
        String title = "页面试卷 " + category;
        MockHttpServletResponse bad = send("admin", post("/exams/papers").param("title", title)
                .param("partialCredit", "true").param("fixedPoints", "2").param("fixedQuestionIds", ids.get(0))
                .param("ruleCategory", category, "", "").param("ruleTag", "", "", "")
                .param("ruleDifficulty", "", "", "").param("ruleCount", "5", "", "")
                .param("rulePoints", "4", "", ""));
        // three questions in the category, one of them fixed: the rule can draw two of the five it asks for
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("第 1 条抽题规则缺少 3 道符合条件的题目", title,
                "data-testid=\"rule-error\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exam_paper WHERE title = :t").param("t", title).query(Long.class)
                .single()).isZero();

        MockHttpServletResponse ok = send("admin", post("/exams/papers").param("title", title)
                .param("partialCredit", "true").param("fixedPoints", "2").param("fixedQuestionIds", ids.get(0))
                .param("ruleCategory", category, "", "").param("ruleTag", "", "", "")
                .param("ruleDifficulty", "", "", "").param("ruleCount", "2", "", "")
                .param("rulePoints", "4", "", ""));
        assertThat(ok.getStatus()).isEqualTo(302);
        long paper = jdbc.sql("SELECT id FROM exam_paper WHERE title = :t").param("t", title).query(Long.class)
                .single();
        assertThat(jdbc.sql("SELECT draw_count FROM exam_paper_rule WHERE paper_id = :p").param("p", paper)
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT question_id FROM exam_paper_question WHERE paper_id = :p").param("p", paper)
                .query(Long.class).single()).isEqualTo(Long.parseLong(ids.get(0)));
        String edit = page("admin", "/exams/papers/" + paper + "/edit", "zh-CN").getContentAsString();
        assertThat(edit).contains("编辑试卷", title, "id=\"pq-" + ids.get(0) + "\" checked=\"checked\"");
        assertThat(page("admin", "/exams/office", "zh-CN").getContentAsString()).contains(title,
                "/exams/papers/" + paper + "/edit", "新建考试");
    }

    @Test
    void theOfficePutsAPaperBeforeAnAudienceWithAWindowAndTheOnboardingFlag() throws Exception {
        String category = uniqueCategory();
        List<String> ids = singles(mvc, category, 2);
        String paper = ExamFixtures.fixedPaper(mvc, ids, 50);
        String unit = String.valueOf(jdbc.sql("SELECT id FROM org_unit WHERE name = '廉州网格'").query(Long.class)
                .single());
        MockHttpServletResponse form = page("admin", "/exams/office/new", "zh-CN");
        assertThat(form.getContentAsString()).contains("新建考试", "考试对象", "name=\"opensAt\"", "交卷后公布",
                "新任监督员知识测试（五个一）", "网格监督员");
        assertThat(page("admin", "/exams/office/new", "en").getContentAsString()).contains("New exam", "Audience",
                "Shown after the exam closes");
        assertThat(page("grid1", "/exams/office/new", "zh-CN").getStatus()).isEqualTo(403);

        // far ahead, for one listed person and a role nobody holds in a grid: no other test meets this onboarding exam
        LocalDateTime opens = LocalDateTime.now().plusDays(40).truncatedTo(ChronoUnit.MINUTES);
        String title = "页面考试 " + category;
        MockHttpServletResponse bad = send("admin", exam(title, paper, opens, opens.minusHours(1), "staff1", unit));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("结束时间须晚于开始时间", title);
        MockHttpServletResponse nobody = send("admin", exam(title, paper, opens, opens.plusDays(2), "无此人", unit));
        assertThat(nobody.getStatus()).isEqualTo(400);
        assertThat(nobody.getContentAsString()).contains("没有用户名为“无此人”的用户");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exam_exam WHERE title = :t").param("t", title).query(Long.class)
                .single()).isZero();

        MockHttpServletResponse ok = send("admin", exam(title, paper, opens, opens.plusDays(2), "staff1", unit));
        assertThat(ok.getStatus()).isEqualTo(302);
        record Row(long id, String audience, boolean onboarding, String review, int limit, String purpose) {
        }
        Row row = jdbc.sql("SELECT id, audience, onboarding, review, time_limit_minutes, purpose FROM exam_exam "
                + "WHERE title = :t").param("t", title)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6))).single();
        String staff1 = String.valueOf(users.findByUsername("staff1").orElseThrow().id());
        assertThat(row.audience()).contains("REVIEWER", "\"" + unit + "\"", "\"" + staff1 + "\"");
        assertThat(row.onboarding()).isTrue();
        assertThat(row.purpose()).isEqualTo("ONBOARDING");
        assertThat(row.review()).isEqualTo("AFTER_CLOSE");
        assertThat(row.limit()).isEqualTo(25);
        String edit = page("admin", "/exams/office/" + row.id() + "/edit", "zh-CN").getContentAsString();
        assertThat(edit).contains("编辑考试", title, "staff1", "value=\"" + opens + "\"");
    }

    private MockHttpServletRequestBuilder exam(String title, String paper, LocalDateTime opens, LocalDateTime closes,
            String usernames, String unit) {
        return post("/exams/office").param("title", title).param("paperId", paper).param("roles", "REVIEWER")
                .param("orgUnitIds", unit).param("usernames", usernames).param("opensAt", opens.toString())
                .param("closesAt", closes.toString()).param("timeLimitMinutes", "25").param("attemptsAllowed", "2")
                .param("grading", "LAST").param("passMark", "70").param("shuffle", "true")
                .param("review", "AFTER_CLOSE").param("onboarding", "true").param("purpose", "OTHER");
    }

    private long count(String category) {
        return jdbc.sql("SELECT COUNT(*) FROM exam_question WHERE category = :c").param("c", category)
                .query(Long.class).single();
    }
}
