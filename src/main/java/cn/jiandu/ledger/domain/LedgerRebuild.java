package cn.jiandu.ledger.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.problem.ProblemFacts;
import cn.jiandu.selection.AppointmentView;
import cn.jiandu.selection.Appointments;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import cn.jiandu.training.TrainingFacts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The nightly rebuild: recomputes the ledger of a range of months from the source modules (the register from
 * {@link Appointments}, every counted report from {@link ProblemFacts}) and the monthly figures from the rows, compares
 * both with what the listeners kept, reports every difference and then repairs it. Exam rows have no source to be
 * read back from (the exam module offers none yet): they are kept as the events wrote them and not checked.
 */
@Service
public class LedgerRebuild {

    /** {@code checked}: rows and figures compared; {@code differences}: each in words, empty when all agreed. */
    public record Report(int checked, List<String> differences) {
    }

    private final JdbcClient jdbc;
    private final ProblemFacts facts;
    private final ProblemLedger problems;
    private final LedgerAppointments appointments;
    private final ObjectProvider<Appointments> register;
    private final AuditTrail audit;
    private final Clock clock;
    private final CaseLedger cases;
    private final TrainingFacts training;

    LedgerRebuild(JdbcClient jdbc, ProblemFacts facts, ProblemLedger problems, LedgerAppointments appointments,
            ObjectProvider<Appointments> register, AuditTrail audit, Clock clock, CaseLedger cases,
            TrainingFacts training) {
        this.cases = cases;
        this.training = training;
        this.jdbc = jdbc;
        this.facts = facts;
        this.problems = problems;
        this.appointments = appointments;
        this.register = register;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every night: the last twelve months and this one. */
    @Scheduled(cron = "${jiandu.ledger.rebuild-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "ledger.rebuild", lockAtMostFor = "PT2H")
    public void nightly() {
        LocalDate today = LocalDate.now(clock);
        Report r = rebuild(today.minusMonths(12).withDayOfMonth(1), today);
        audit.record("ledger.rebuild", "ledger", "nightly", r.differences().isEmpty() ? Outcome.SUCCESS
                : Outcome.FAILURE, r.checked() + " checked, " + r.differences().size() + " differences");
    }

    /** Rebuilds the months from {@code from}'s to {@code to}'s (inclusive). */
    @Transactional
    public Report rebuild(LocalDate from, LocalDate to) {
        List<String> differences = new ArrayList<>();
        int checked = 0;
        Appointments source = register.getIfAvailable();
        if (source != null) {
            for (AppointmentView a : source.overlapping(from.minusYears(5), to)) {
                checked++;
                if (appointments.upsert(LedgerAppointments.of(a))) {
                    differences.add("appointment " + a.id() + ": register differed, taken over");
                }
            }
        }
        int fromKey = Months.key(from);
        int toKey = Months.key(to);
        // rows: what the source says against what is kept
        Map<String, ProblemLedger.Row> kept = new HashMap<>();
        jdbc.sql("SELECT * FROM ledger_problem WHERE month_key BETWEEN :f AND :t").param("f", fromKey)
                .param("t", toKey).query(ProblemLedger::map).list()
                .forEach(r -> kept.put(r.appointmentId() + "/" + r.problemId(), r));
        Set<Long> touched = new HashSet<>();
        Map<Long, List<ProblemLedger.Row>> expectedByProblem = new HashMap<>();
        for (ProblemFacts.Fact f : facts.reportedBetween(from.withDayOfMonth(1).atStartOfDay(
                cn.jiandu.shared.time.ClockConfig.ZONE).toInstant(), to.plusMonths(1).withDayOfMonth(1)
                .atStartOfDay(cn.jiandu.shared.time.ClockConfig.ZONE).toInstant())) {
            List<ProblemLedger.Row> expected = problems.expected(f);
            expectedByProblem.put(f.problemId(), expected);
            for (ProblemLedger.Row e : expected) {
                checked++;
                ProblemLedger.Row k = kept.remove(e.appointmentId() + "/" + e.problemId());
                if (!Objects.equals(k, e)) {
                    differences.add("report " + f.number() + " of appointment " + e.appointmentId() + ": kept "
                            + describe(k) + ", source " + describe(e));
                    touched.add(f.problemId());
                }
            }
        }
        for (ProblemLedger.Row k : kept.values()) {
            checked++;
            differences.add("report " + k.number() + " of appointment " + k.appointmentId() + ": kept "
                    + describe(k) + ", source has none");
            touched.add(k.problemId());
        }
        for (long problemId : touched) {
            problems.refresh(problemId, expectedByProblem.getOrDefault(problemId, List.of()));
        }
        // figures: the kept monthly figures against a recount of the rows
        Map<String, int[]> recount = new HashMap<>();
        jdbc.sql("SELECT * FROM ledger_problem WHERE month_key BETWEEN :f AND :t").param("f", fromKey)
                .param("t", toKey).query(ProblemLedger::map).list().forEach(r -> {
                    int[] c = recount.computeIfAbsent(r.appointmentId() + "/" + r.monthKey(), x -> new int[6]);
                    int[] add = r.counts();
                    for (int i = 0; i < 6; i++) {
                        c[i] += add[i];
                    }
                });
        List<Map<String, Object>> figures = jdbc.sql("SELECT * FROM ledger_figure WHERE month_key BETWEEN :f AND :t")
                .param("f", fromKey).param("t", toKey).query().listOfRows();
        for (Map<String, Object> f : figures) {
            checked++;
            String key = f.get("APPOINTMENT_ID") != null ? f.get("APPOINTMENT_ID") + "/" + f.get("MONTH_KEY")
                    : f.get("appointment_id") + "/" + f.get("month_key");
            int[] want = recount.remove(key);
            int[] have = new int[6];
            for (int i = 0; i < 6; i++) {
                Object v = f.get(ProblemLedger.COLUMNS[i]);
                v = v != null ? v : f.get(ProblemLedger.COLUMNS[i].toUpperCase());
                have[i] = ((Number) v).intValue();
            }
            if (want == null) {
                want = new int[6];
            }
            if (!java.util.Arrays.equals(want, have)) {
                differences.add("figures " + key + ": kept " + java.util.Arrays.toString(have) + ", recount "
                        + java.util.Arrays.toString(want));
                setFigure(key, want);
            }
        }
        for (Map.Entry<String, int[]> missing : recount.entrySet()) {
            checked++;
            differences.add("figures " + missing.getKey() + ": none kept, recount "
                    + java.util.Arrays.toString(missing.getValue()));
            setFigure(missing.getKey(), missing.getValue());
        }
        checked += checkCases(from.withDayOfMonth(1), to.plusMonths(1).withDayOfMonth(1).minusDays(1), differences);
        return new Report(checked, differences);
    }

    /** The kept 优秀案例入选 rows against the training module's selected cases; a case that differs is re-recorded. */
    private int checkCases(LocalDate from, LocalDate to, List<String> differences) {
        int checked = 0;
        Map<String, CaseLedger.Row> kept = new HashMap<>();
        cases.kept(Months.key(from), Months.key(to)).forEach(r -> kept.put(r.appointmentId() + "/" + r.caseId(), r));
        Set<Long> repaired = new HashSet<>();
        for (TrainingFacts.SelectedCase c : training.selectedCases(from, to)) {
            for (CaseLedger.Row e : cases.expected(c)) {
                checked++;
                CaseLedger.Row k = kept.remove(e.appointmentId() + "/" + e.caseId());
                if (!e.equals(k)) {
                    differences.add("case " + c.caseId() + " of appointment " + e.appointmentId() + ": kept "
                            + (k == null ? "none" : Months.code(k.monthKey())) + ", source " + Months.code(e.monthKey()));
                    if (repaired.add(c.caseId())) {
                        cases.record(c.caseId(), c.authorId(), c.selectedAt());
                    }
                }
            }
        }
        for (CaseLedger.Row k : kept.values()) {
            checked++;
            differences.add("case " + k.caseId() + " of appointment " + k.appointmentId() + ": kept "
                    + Months.code(k.monthKey()) + ", source has none");
            if (repaired.add(k.caseId())) {
                cases.remove(k.caseId());
            }
        }
        return checked;
    }

    private void setFigure(String key, int[] c) {
        String[] parts = key.split("/");
        long a = Long.parseLong(parts[0]);
        int m = Integer.parseInt(parts[1]);
        jdbc.sql("DELETE FROM ledger_figure WHERE appointment_id = :a AND month_key = :m").param("a", a).param("m", m)
                .update();
        jdbc.sql("""
                INSERT INTO ledger_figure (appointment_id, month_key, reported, transferred, resolved, satisfied,
                    overdue, reopened) VALUES (:a, :m, :c0, :c1, :c2, :c3, :c4, :c5)""")
                .param("a", a).param("m", m).param("c0", c[0]).param("c1", c[1]).param("c2", c[2])
                .param("c3", c[3]).param("c4", c[4]).param("c5", c[5]).update();
    }

    private static String describe(ProblemLedger.Row r) {
        if (r == null) {
            return "none";
        }
        return Months.code(r.monthKey()) + (r.transferred() ? " transferred" : "") + (r.resolved() ? " resolved" : "")
                + (r.satisfied() ? " satisfied" : "") + (r.overdue() ? " overdue" : "")
                + (r.reopened() ? " reopened" : "");
    }
}
