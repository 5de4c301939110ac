package cn.jiandu.exam.domain;

import cn.jiandu.exam.ExamGraded;
import cn.jiandu.exam.ExamPurpose;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Re-grades every submitted attempt that saw a question version whose key was corrected: the item's score, the
 * attempt's score and pass, when and how often it was re-graded; each attempt publishes {@link ExamGraded} with
 * {@code regrade} true.
 */
@Component
class Regrading {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final QuestionVersions versions;
    private final ApplicationEventPublisher events;

    Regrading(JdbcClient jdbc, Clock clock, QuestionVersions versions, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.versions = versions;
        this.events = events;
    }

    int regrade(long questionId, int version) {
        QuestionVersion v = versions.fresh(List.of(new QuestionVersions.Key(questionId, version)))
                .get(new QuestionVersions.Key(questionId, version));
        record Hit(long attemptId, String answer, BigDecimal points, boolean partial) {
        }
        List<Hit> hits = jdbc.sql("""
                SELECT i.attempt_id, i.answer, i.points, p.partial_credit
                FROM exam_attempt_item i JOIN exam_attempt a ON a.id = i.attempt_id
                JOIN exam_exam e ON e.id = a.exam_id JOIN exam_paper p ON p.id = e.paper_id
                WHERE i.question_id = :q AND i.question_version = :v AND a.status = 'SUBMITTED'""")
                .param("q", questionId).param("v", version)
                .query((rs, n) -> new Hit(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBoolean(4)))
                .list();
        Instant now = clock.instant();
        for (Hit h : hits) {
            BigDecimal score = Grading.score(v.type(), v.answer(), Json.strings(h.answer()), h.points(), h.partial());
            jdbc.sql("UPDATE exam_attempt_item SET score = :s WHERE attempt_id = :a AND question_id = :q")
                    .param("s", score).param("a", h.attemptId()).param("q", questionId).update();
            record Totals(long examId, long userId, BigDecimal total, BigDecimal max, BigDecimal passMark,
                    String purpose, Long training) {
            }
            Totals t = jdbc.sql("""
                    SELECT a.exam_id, a.user_id,
                           (SELECT COALESCE(SUM(score), 0) FROM exam_attempt_item WHERE attempt_id = a.id),
                           a.max_score, e.pass_mark, e.purpose, e.training_session_id
                    FROM exam_attempt a JOIN exam_exam e ON e.id = a.exam_id WHERE a.id = :a""")
                    .param("a", h.attemptId())
                    .query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                            rs.getBigDecimal(5), rs.getString(6), (Long) rs.getObject(7, Long.class)))
                    .single();
            boolean passed = Attempts.passes(t.total(), t.max(), t.passMark());
            jdbc.sql("""
                    UPDATE exam_attempt SET score = :s, passed = :p, regraded_at = :now,
                           regrade_count = regrade_count + 1 WHERE id = :a""")
                    .param("s", t.total().setScale(2, RoundingMode.HALF_UP)).param("p", passed)
                    .param("now", Timestamp.from(now)).param("a", h.attemptId()).update();
            events.publishEvent(new ExamGraded(t.examId(), h.attemptId(), t.userId(), ExamPurpose.valueOf(t.purpose()),
                    t.training(), t.total(), t.max(), passed, now, true));
        }
        return hits.size();
    }
}
