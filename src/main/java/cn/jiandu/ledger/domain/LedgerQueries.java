package cn.jiandu.ledger.domain;

import cn.jiandu.ledger.Ledger;
import cn.jiandu.ledger.LedgerEntry;
import cn.jiandu.ledger.LedgerFigures;
import cn.jiandu.ledger.LedgerPeriod;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgSql;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.sharing.DutyTimeliness;
import cn.jiandu.training.TrainingFacts;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the ledger: a period's figures for a page of appointments, one appointment over several periods, and the
 * reports behind a figure. Who may read whom is part of every query: leaders and the office everyone, a branch
 * secretary the appointments over his unit's subtree, a supervisor his own.
 */
@Service
public class LedgerQueries implements Ledger {

    /** The viewer's scope, from his principal. */
    public record Scope(boolean all, Long userId, String subtreePath) {
    }

    private final JdbcClient jdbc;
    private final DutyTimeliness timeliness;
    private final OrgDirectory org;
    private final TrainingFacts training;

    LedgerQueries(JdbcClient jdbc, DutyTimeliness timeliness, OrgDirectory org, TrainingFacts training) {
        this.training = training;
        this.jdbc = jdbc;
        this.timeliness = timeliness;
        this.org = org;
    }

    public Scope scope(JianduPrincipal me) {
        if (me.seesEverything()) {
            return new Scope(true, null, null);
        }
        if (me.has(Role.BRANCH_SECRETARY)) {
            return new Scope(false, me.id(), org.find(me.orgUnitId()).map(OrgUnitView::path).orElse("/none/"));
        }
        return new Scope(false, me.id(), null);
    }

    private static final String SCOPE_SQL = """
             AND (:all = TRUE OR a.user_id = :me OR (CAST(:path AS VARCHAR(1000)) IS NOT NULL AND a.unit_id IN
                 (""" + OrgSql.subtreeAtPath(":path") + ")))";

    /** A page of the period's appointments (ordered by id), filtered by type and unit subtree. */
    public List<LedgerEntry> page(LedgerPeriod period, Role type, Long unitId, Scope scope, long afterId, int limit) {
        String unitPath = null;
        if (unitId != null) {
            unitPath = org.find(unitId).map(OrgUnitView::path)
                    .orElseThrow(() -> Refusal.invalidField("unitId", "error.invalidValue"));
        }
        List<LedgerAppointments.Row> rows = jdbc.sql("""
                SELECT a.* FROM ledger_appointment a
                WHERE a.id > :after AND a.starts_on <= :to AND a.ends_on >= :from
                  AND (a.ended_on IS NULL OR a.ended_on > :from)
                  AND (CAST(:type AS VARCHAR(30)) IS NULL OR a.type = :type)
                  AND (CAST(:upath AS VARCHAR(1000)) IS NULL OR a.unit_id IN (""" + OrgSql.subtreeAtPath(":upath") + ")) "
                + SCOPE_SQL + " ORDER BY a.id FETCH FIRST :lim ROWS ONLY")
                .param("after", afterId).param("to", Date.valueOf(period.to())).param("from", Date.valueOf(period.from()))
                .param("type", type == null ? null : type.name()).param("upath", unitPath)
                .param("all", scope.all()).param("me", scope.userId()).param("path", scope.subtreePath())
                .param("lim", limit).query(LedgerAppointments::map).list();
        return withFigures(rows, period);
    }

    /** One appointment the viewer may read, or 404. */
    public LedgerEntry visible(long appointmentId, Scope scope) {
        LedgerAppointments.Row a = jdbc.sql("SELECT a.* FROM ledger_appointment a WHERE a.id = :id " + SCOPE_SQL)
                .param("id", appointmentId).param("all", scope.all()).param("me", scope.userId())
                .param("path", scope.subtreePath()).query(LedgerAppointments::map).optional()
                .orElseThrow(Refusal::notFound);
        return new LedgerEntry(a.id(), a.userId(), a.type(), a.unitId(), a.startsOn(), a.endsOn(), a.endedOn(), null);
    }

    public LedgerFigures figures(LedgerEntry e, LedgerPeriod p) {
        LedgerAppointments.Row a = new LedgerAppointments.Row(e.appointmentId(), e.userId(), e.type(), e.unitId(),
                e.startsOn(), e.endsOn(), e.endedOn());
        return withFigures(List.of(a), p).get(0).figures();
    }

    /** The reports behind the problem figures of an appointment and period: number by figure name. */
    public Map<String, List<String>> links(long appointmentId, LedgerPeriod p) {
        Map<String, List<String>> links = new HashMap<>();
        for (ProblemLedger.Row r : jdbc.sql("""
                SELECT * FROM ledger_problem WHERE appointment_id = :a AND month_key BETWEEN :f AND :t
                ORDER BY problem_id""").param("a", appointmentId).param("f", p.firstMonthKey())
                .param("t", p.lastMonthKey()).query(ProblemLedger::map).list()) {
            String ref = String.valueOf(r.problemId());
            links.computeIfAbsent("problemsReported", k -> new ArrayList<>()).add(ref);
            if (r.transferred()) {
                links.computeIfAbsent("problemsTransferred", k -> new ArrayList<>()).add(ref);
            }
            if (r.resolved()) {
                links.computeIfAbsent("problemsResolved", k -> new ArrayList<>()).add(ref);
            }
            if (r.satisfied()) {
                links.computeIfAbsent("problemsSatisfied", k -> new ArrayList<>()).add(ref);
            }
            if (r.overdue()) {
                links.computeIfAbsent("problemsOverdue", k -> new ArrayList<>()).add(ref);
            }
        }
        jdbc.sql("""
                SELECT attempt_id FROM ledger_exam WHERE appointment_id = :a AND month_key BETWEEN :f AND :t
                ORDER BY graded_at""").param("a", appointmentId).param("f", p.firstMonthKey())
                .param("t", p.lastMonthKey()).query(Long.class).list()
                .forEach(id -> links.computeIfAbsent("exams", k -> new ArrayList<>()).add(String.valueOf(id)));
        jdbc.sql("""
                SELECT case_id FROM ledger_case WHERE appointment_id = :a AND month_key BETWEEN :f AND :t
                ORDER BY case_id""").param("a", appointmentId).param("f", p.firstMonthKey())
                .param("t", p.lastMonthKey()).query(Long.class).list()
                .forEach(id -> links.computeIfAbsent("casesSelected", k -> new ArrayList<>()).add(String.valueOf(id)));
        return links;
    }

    @Override
    public List<LedgerEntry> entries(Role type, LedgerPeriod period) {
        return page(period, type, null, new Scope(true, null, null), 0, Integer.MAX_VALUE);
    }

    @Override
    public Optional<LedgerEntry> entry(long appointmentId, LedgerPeriod period) {
        return jdbc.sql("SELECT * FROM ledger_appointment WHERE id = :id").param("id", appointmentId)
                .query(LedgerAppointments::map).optional().map(a -> withFigures(List.of(a), period).get(0));
    }

    private List<LedgerEntry> withFigures(List<LedgerAppointments.Row> rows, LedgerPeriod p) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(LedgerAppointments.Row::id).toList();
        Map<Long, int[]> counts = counts(ids, p);
        Map<Long, BigDecimal[]> exams = exams(ids, p);
        Map<Long, Double> rates = rates(rows, p);
        Map<Long, Integer> cases = cases(ids, p);
        Map<Long, TrainingFacts.PersonFigures> people = training.ofPeople(
                rows.stream().map(LedgerAppointments.Row::userId).distinct().toList(), p.from(), p.to());
        Map<Long, Integer> onboarding = training.onboardingDone(ids, p.to());
        List<LedgerEntry> out = new ArrayList<>(rows.size());
        for (LedgerAppointments.Row a : rows) {
            int[] c = counts.getOrDefault(a.id(), new int[6]);
            BigDecimal[] e = exams.getOrDefault(a.id(), new BigDecimal[2]);
            TrainingFacts.PersonFigures t = people.getOrDefault(a.userId(), TrainingFacts.PersonFigures.NONE);
            LedgerFigures f = new LedgerFigures(rates.get(a.userId()), null, t.warningEducation(), t.talks(), e[0],
                    e[1], c[0], c[1], c[2], c[3], c[4], cases.getOrDefault(a.id(), 0), onboarding.get(a.id()));
            out.add(new LedgerEntry(a.id(), a.userId(), a.type(), a.unitId(), a.startsOn(), a.endsOn(), a.endedOn(),
                    f));
        }
        return out;
    }

    private Map<Long, Double> rates(List<LedgerAppointments.Row> rows, LedgerPeriod p) {
        if (rows.size() == 1) {
            Map<Long, Double> one = new HashMap<>();
            one.put(rows.get(0).userId(), timeliness.onTimeRate(rows.get(0).userId(), p.from(), p.to()));
            return one;
        }
        return timeliness.onTimeRates(p.from(), p.to());
    }

    private Map<Long, int[]> counts(Collection<Long> ids, LedgerPeriod p) {
        Map<Long, int[]> m = new HashMap<>();
        jdbc.sql("""
                SELECT appointment_id, SUM(reported) r, SUM(transferred) t, SUM(resolved) s, SUM(satisfied) sa,
                       SUM(overdue) o, SUM(reopened) re
                FROM ledger_figure WHERE appointment_id IN (:ids) AND month_key BETWEEN :f AND :t
                GROUP BY appointment_id""").param("ids", ids).param("f", p.firstMonthKey())
                .param("t", p.lastMonthKey()).query((rs, n) -> {
                    m.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6), rs.getInt(7)});
                    return null;
                }).list();
        return m;
    }

    /** 优秀案例入选 per appointment, kept from training.CaseSelected */
    private Map<Long, Integer> cases(Collection<Long> ids, LedgerPeriod p) {
        Map<Long, Integer> m = new HashMap<>();
        jdbc.sql("""
                SELECT appointment_id, COUNT(*) FROM ledger_case
                WHERE appointment_id IN (:ids) AND month_key BETWEEN :f AND :t GROUP BY appointment_id""")
                .param("ids", ids).param("f", p.firstMonthKey()).param("t", p.lastMonthKey()).query((rs, n) -> {
                    m.put(rs.getLong(1), rs.getInt(2));
                    return null;
                }).list();
        return m;
    }

    /** best and latest counted score per appointment */
    private Map<Long, BigDecimal[]> exams(Collection<Long> ids, LedgerPeriod p) {
        Map<Long, BigDecimal[]> m = new HashMap<>();
        jdbc.sql("""
                SELECT appointment_id, percent FROM ledger_exam
                WHERE appointment_id IN (:ids) AND month_key BETWEEN :f AND :t ORDER BY graded_at, attempt_id""")
                .param("ids", ids).param("f", p.firstMonthKey()).param("t", p.lastMonthKey()).query((rs, n) -> {
                    BigDecimal[] e = m.computeIfAbsent(rs.getLong(1), k -> new BigDecimal[2]);
                    BigDecimal v = rs.getBigDecimal(2);
                    e[0] = e[0] == null || v.compareTo(e[0]) > 0 ? v : e[0];
                    e[1] = v;
                    return null;
                }).list();
        return m;
    }
}
