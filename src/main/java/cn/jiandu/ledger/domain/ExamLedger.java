package cn.jiandu.ledger.domain;

import cn.jiandu.exam.ExamGraded;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The counted score of every graded attempt (a re-grade replaces the attempt's earlier figure). */
@Component
class ExamLedger {

    private final JdbcClient jdbc;
    private final LedgerAppointments appointments;

    ExamLedger(JdbcClient jdbc, LedgerAppointments appointments) {
        this.jdbc = jdbc;
        this.appointments = appointments;
    }

    void record(ExamGraded e) {
        if (e.maxScore() == null || e.maxScore().signum() <= 0 || e.score() == null) {
            return;
        }
        BigDecimal percent = e.score().multiply(BigDecimal.valueOf(100)).divide(e.maxScore(), 2, RoundingMode.HALF_UP);
        LocalDate day = Months.day(e.gradedAt());
        jdbc.sql("DELETE FROM ledger_exam WHERE attempt_id = :t").param("t", e.attemptId()).update();
        for (LedgerAppointments.Row a : appointments.ofUser(e.userId())) {
            if (a.activeOn(day)) {
                jdbc.sql("""
                        INSERT INTO ledger_exam (appointment_id, attempt_id, exam_id, purpose, graded_at, month_key,
                            percent) VALUES (:a, :t, :x, :p, :g, :m, :pc)""")
                        .param("a", a.id()).param("t", e.attemptId()).param("x", e.examId())
                        .param("p", e.purpose().name()).param("g", Timestamp.from(e.gradedAt()))
                        .param("m", Months.key(day)).param("pc", percent).update();
            }
        }
    }
}
