package cn.jiandu.exam;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo bank, the onboarding test and the quarterly class exams with the demo supervisors' attempts. */
@IntegrationTest
class ExamDemoDataTests {

    @Autowired
    JdbcClient jdbc;

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void theBankHoldsAtLeast120QuestionsOverTheFourCategoriesOfEveryType() {
        List<String> categories = jdbc.sql("SELECT DISTINCT category FROM exam_question WHERE category IN "
                + "('党纪法规', '廉洁风险', '监督方法', '业务知识')").query(String.class).list();
        assertThat(categories).hasSize(4);
        assertThat(count("SELECT COUNT(*) FROM exam_question WHERE category IN ('党纪法规', '廉洁风险', '监督方法', '业务知识')"))
                .isGreaterThanOrEqualTo(120);
        assertThat(jdbc.sql("SELECT DISTINCT type FROM exam_question").query(String.class).list())
                .contains("SINGLE", "MULTIPLE", "TRUE_FALSE", "FILL");
    }

    @Test
    void theOnboardingTestIsOpenAndGrid1HasNotTakenIt() {
        assertThat(count("SELECT COUNT(*) FROM exam_exam WHERE onboarding = TRUE AND purpose = 'ONBOARDING'"))
                .isGreaterThanOrEqualTo(1);
        // the demo leaves it to grid1 (the browser journey takes it): none of his attempts was made by the demo
        assertThat(count("""
                SELECT COUNT(*) FROM exam_attempt a JOIN exam_exam e ON e.id = a.exam_id
                JOIN app_user u ON u.id = a.user_id
                WHERE e.title = '五个一·新任监督员知识测试' AND u.username = 'grid1'
                AND a.started_at < a.prepared_at""")).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM exam_attempt a JOIN exam_exam e ON e.id = a.exam_id
                WHERE e.title = '五个一·新任监督员知识测试' AND a.status = 'SUBMITTED'""")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theQuarterlyExamsHaveAttemptsSomeFailedOneResumedOneAutoSubmitted() {
        String quarterly = "SELECT a.* FROM exam_attempt a JOIN exam_exam e ON e.id = a.exam_id "
                + "WHERE e.purpose = 'QUARTERLY_CLASS' AND a.status = 'SUBMITTED'";
        assertThat(count("SELECT COUNT(DISTINCT exam_id) FROM (" + quarterly + ") q")).isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM (" + quarterly + ") q")).isGreaterThan(60);
        assertThat(count("SELECT COUNT(*) FROM (" + quarterly + ") q WHERE passed = FALSE")).isBetween(1L, 40L);
        assertThat(count("SELECT COUNT(*) FROM (" + quarterly + ") q WHERE resumed_count > 0")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM (" + quarterly + ") q WHERE auto_submitted = TRUE")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM exam_practice")).isGreaterThanOrEqualTo(4);
    }
}
