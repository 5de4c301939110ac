package cn.jiandu.ledger.domain;

import cn.jiandu.training.TrainingFacts;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** 优秀案例入选: a selected case counts once for every appointment its author held on the day it was selected. */
@Component
class CaseLedger {

    /** A kept row. */
    record Row(long appointmentId, long caseId, long authorId, int monthKey) {
    }

    private final JdbcClient jdbc;
    private final LedgerAppointments appointments;
    private final TrainingFacts training;

    CaseLedger(JdbcClient jdbc, LedgerAppointments appointments, TrainingFacts training) {
        this.jdbc = jdbc;
        this.appointments = appointments;
        this.training = training;
    }

    /**
     * An appointment began or ended: its holder's cases selected over its term are attributed again, so a
     * backdated appointment counts the cases he had already had selected (as the rebuild would).
     */
    void reattribute(long userId, LocalDate from, LocalDate to) {
        for (TrainingFacts.SelectedCase c : training.selectedCases(from, to)) {
            if (c.authorId() == userId) {
                record(c.caseId(), c.authorId(), c.selectedAt());
            }
        }
    }

    /** Replaces the case's rows with what its selection means now (idempotent: redelivery changes nothing). */
    void record(long caseId, long authorId, Instant selectedAt) {
        jdbc.sql("DELETE FROM ledger_case WHERE case_id = :c").param("c", caseId).update();
        for (Row r : expected(new TrainingFacts.SelectedCase(caseId, authorId, selectedAt))) {
            jdbc.sql("""
                    INSERT INTO ledger_case (appointment_id, case_id, author_id, month_key, selected_at)
                    VALUES (:a, :c, :u, :m, :at)""").param("a", r.appointmentId()).param("c", caseId)
                    .param("u", authorId).param("m", r.monthKey()).param("at", Timestamp.from(selectedAt)).update();
        }
    }

    List<Row> expected(TrainingFacts.SelectedCase c) {
        LocalDate day = Months.day(c.selectedAt());
        List<Row> rows = new ArrayList<>();
        for (LedgerAppointments.Row a : appointments.ofUser(c.authorId())) {
            if (a.activeOn(day)) {
                rows.add(new Row(a.id(), c.caseId(), c.authorId(), Months.key(day)));
            }
        }
        return rows;
    }

    List<Row> kept(int fromKey, int toKey) {
        return jdbc.sql("SELECT * FROM ledger_case WHERE month_key BETWEEN :f AND :t").param("f", fromKey)
                .param("t", toKey).query((rs, n) -> new Row(rs.getLong("appointment_id"), rs.getLong("case_id"),
                        rs.getLong("author_id"), rs.getInt("month_key"))).list();
    }

    void remove(long caseId) {
        jdbc.sql("DELETE FROM ledger_case WHERE case_id = :c").param("c", caseId).update();
    }
}
