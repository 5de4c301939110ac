package cn.jiandu.ledger.domain;

import cn.jiandu.problem.ProblemFacts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger's rows of reports and the monthly figures kept from them. A refresh puts a report's row in the state
 * {@link ProblemFacts} gives and moves the month's figures by exactly the difference, so the figures never need a
 * recount; the rebuild proves they equal one.
 */
@Component
class ProblemLedger {

    /** A report as it counts for one appointment. */
    record Row(long appointmentId, long problemId, String number, int monthKey, String categoryCode,
            boolean transferred, boolean resolved, boolean satisfied, boolean overdue, boolean reopened) {

        int[] counts() {
            return new int[] {1, b(transferred), b(resolved), b(satisfied), b(overdue), b(reopened)};
        }

        private static int b(boolean v) {
            return v ? 1 : 0;
        }
    }

    static final String[] COLUMNS = {"reported", "transferred", "resolved", "satisfied", "overdue", "reopened"};

    private final JdbcClient jdbc;
    private final LedgerAppointments appointments;

    ProblemLedger(JdbcClient jdbc, LedgerAppointments appointments) {
        this.jdbc = jdbc;
        this.appointments = appointments;
    }

    /** The rows a report should have: one per appointment its reporter held on the day he reported it. */
    List<Row> expected(ProblemFacts.Fact f) {
        LocalDate day = Months.day(f.reportedAt());
        List<Row> rows = new ArrayList<>();
        for (LedgerAppointments.Row a : appointments.ofUser(f.reporterId())) {
            if (a.activeOn(day)) {
                rows.add(new Row(a.id(), f.problemId(), f.number(), Months.key(day), f.categoryCode(),
                        f.transferred(), f.resolved(), f.satisfied(), f.overdue(), f.reopened()));
            }
        }
        return rows;
    }

    List<Row> stored(long problemId) {
        return jdbc.sql("SELECT * FROM ledger_problem WHERE problem_id = :p").param("p", problemId)
                .query(ProblemLedger::map).list();
    }

    /** Puts the report's rows into the expected state (none for an anonymous or withdrawn report). */
    void refresh(long problemId, List<Row> expected) {
        Map<Long, Row> old = new HashMap<>();
        stored(problemId).forEach(r -> old.put(r.appointmentId(), r));
        for (Row r : expected) {
            Row before = old.remove(r.appointmentId());
            if (Objects.equals(before, r)) {
                continue;
            }
            if (before != null) {
                delete(before);
            }
            jdbc.sql("""
                    INSERT INTO ledger_problem (appointment_id, problem_id, number, month_key, category_code,
                        transferred, resolved, satisfied, overdue, reopened)
                    VALUES (:a, :p, :n, :m, :c, :t, :r, :s, :o, :re)""")
                    .param("a", r.appointmentId()).param("p", r.problemId()).param("n", r.number())
                    .param("m", r.monthKey()).param("c", r.categoryCode()).param("t", r.transferred())
                    .param("r", r.resolved()).param("s", r.satisfied()).param("o", r.overdue())
                    .param("re", r.reopened()).update();
            move(r.appointmentId(), r.monthKey(), r.counts(), 1);
        }
        old.values().forEach(this::delete);
    }

    private void delete(Row r) {
        jdbc.sql("DELETE FROM ledger_problem WHERE appointment_id = :a AND problem_id = :p")
                .param("a", r.appointmentId()).param("p", r.problemId()).update();
        move(r.appointmentId(), r.monthKey(), r.counts(), -1);
    }

    private void move(long appointmentId, int monthKey, int[] counts, int sign) {
        int updated = jdbc.sql("""
                UPDATE ledger_figure SET reported = reported + :c0, transferred = transferred + :c1,
                    resolved = resolved + :c2, satisfied = satisfied + :c3, overdue = overdue + :c4,
                    reopened = reopened + :c5
                WHERE appointment_id = :a AND month_key = :m""")
                .param("c0", sign * counts[0]).param("c1", sign * counts[1]).param("c2", sign * counts[2])
                .param("c3", sign * counts[3]).param("c4", sign * counts[4]).param("c5", sign * counts[5])
                .param("a", appointmentId).param("m", monthKey).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO ledger_figure (appointment_id, month_key, reported, transferred, resolved, satisfied,
                        overdue, reopened) VALUES (:a, :m, :c0, :c1, :c2, :c3, :c4, :c5)""")
                    .param("c0", sign * counts[0]).param("c1", sign * counts[1]).param("c2", sign * counts[2])
                    .param("c3", sign * counts[3]).param("c4", sign * counts[4]).param("c5", sign * counts[5])
                    .param("a", appointmentId).param("m", monthKey).update();
        }
    }

    static Row map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong("appointment_id"), rs.getLong("problem_id"), rs.getString("number"),
                rs.getInt("month_key"), rs.getString("category_code"), rs.getBoolean("transferred"),
                rs.getBoolean("resolved"), rs.getBoolean("satisfied"), rs.getBoolean("overdue"),
                rs.getBoolean("reopened"));
    }
}
