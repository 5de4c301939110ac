package cn.jiandu.sharing.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.notification.NotificationRequested;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Duty materials as those who must submit and the office meet them: a member's own state per period (未提交 / 按时 /
 * 逾期, with the due date), the 提交情况 narrowed by state and unit, and 催交 to those still missing.
 */
@Service
public class DutyRoster {

    public static final Set<String> STATES = Set.of("ON_TIME", "LATE", "MISSING");
    /** A period stays on the member's home page this long after its due date (a late submission is still wanted). */
    static final int HOME_DAYS_AFTER_DUE = 60;
    /** A period shows this many days before it starts, so the coming one is known. */
    static final int STARTING_SOON_DAYS = 30;

    /** The caller's own state for one period; {@code overdue}: missing and the due date has passed. */
    public record OwnDuty(long periodId, String code, LocalDate dueOn, String status, Instant submittedAt,
            boolean overdue) {
    }

    private final DutyService duty;
    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    DutyRoster(DutyService duty, JdbcClient jdbc, OrgDirectory org, ApplicationEventPublisher events,
            AuditTrail audit, Clock clock) {
        this.duty = duty;
        this.jdbc = jdbc;
        this.org = org;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether {@code me} is one of those expected to submit (a member of a space, not the admin). */
    public boolean expected(JianduPrincipal me) {
        return duty.membersBySpace().values().stream().flatMap(List::stream).anyMatch(u -> u.id() == me.id());
    }

    /** The caller's state in one period, empty when he is not expected to submit. */
    public Optional<OwnDuty> own(JianduPrincipal me, long periodId) {
        if (!expected(me)) {
            return Optional.empty();
        }
        return duty.find(periodId).map(p -> state(me, p));
    }

    /**
     * The periods that concern the caller now: started (or starting within a month) and due no more than two months
     * ago. What he still owes comes first (the nearest due date first, then the overdue, latest first), then what
     * he has submitted, latest first.
     */
    public List<OwnDuty> mine(JianduPrincipal me) {
        if (!expected(me)) {
            return List.of();
        }
        LocalDate today = today();
        return duty.periods().stream()
                .filter(p -> !p.startsOn().isAfter(today.plusDays(STARTING_SOON_DAYS))
                        && !p.dueOn().plusDays(HOME_DAYS_AFTER_DUE).isBefore(today))
                .map(p -> state(me, p))
                .sorted(Comparator.comparingInt(DutyRoster::urgency)
                        .thenComparing((OwnDuty d) -> d.overdue() || !"MISSING".equals(d.status())
                                ? -d.dueOn().toEpochDay() : d.dueOn().toEpochDay())
                        .thenComparing(OwnDuty::code))
                .toList();
    }

    private static int urgency(OwnDuty d) {
        return !"MISSING".equals(d.status()) ? 2 : d.overdue() ? 1 : 0;
    }

    private OwnDuty state(JianduPrincipal me, DutyPeriod p) {
        return jdbc.sql("SELECT submitted_at, on_time FROM sharing_duty_submission WHERE period_id = :p AND user_id = :u")
                .param("p", p.id()).param("u", me.id())
                .query((rs, n) -> new OwnDuty(p.id(), p.code(), p.dueOn(),
                        rs.getBoolean("on_time") ? "ON_TIME" : "LATE", Rows.instant(rs, "submitted_at"), false))
                .optional()
                .orElseGet(() -> new OwnDuty(p.id(), p.code(), p.dueOn(), "MISSING", null,
                        today().isAfter(p.dueOn())));
    }

    /** 提交情况, narrowed to one state and/or the members of one unit's subtree (null: no narrowing). */
    public List<DutyService.Submission> submissions(Caller me, long periodId, String status, Long orgUnitId) {
        if (status != null && !STATES.contains(status)) {
            throw Refusal.invalidField("status", "sharing.error.dutyState");
        }
        Set<Long> units = orgUnitId == null ? null : org.subtreeIds(orgUnitId);
        return duty.submissions(me, periodId).stream()
                .filter(s -> status == null || s.status().equals(status))
                .filter(s -> units == null || units.contains(s.orgUnitId())).toList();
    }

    /**
     * 催交: reminds every member still missing in the period (within a unit's subtree, or only those picked), each
     * once however many spaces he is in. Returns whom it reached; a picked member who has submitted is skipped.
     */
    @Transactional
    public List<Long> urge(Caller me, long periodId, Long orgUnitId, Collection<Long> picked) {
        if (!me.admin()) {
            throw Refusal.forbidden();
        }
        DutyPeriod p = duty.find(periodId).orElseThrow(Refusal::notFound);
        Set<Long> missing = new LinkedHashSet<>();
        submissions(me, periodId, "MISSING", orgUnitId).forEach(s -> missing.add(s.userId()));
        if (picked != null && !picked.isEmpty()) {
            missing.retainAll(Set.copyOf(picked));
        }
        List<Long> reached = List.copyOf(missing);
        if (!reached.isEmpty()) {
            events.publishEvent(new NotificationRequested(reached, "sharing.notify.dutyUrge",
                    List.of(p.code(), p.dueOn().toString()), "/sharing/duty/" + p.id() + "/mine"));
        }
        audit.record("sharing.duty.urge", "sharing_duty_period", p.id(), Outcome.SUCCESS,
                reached.size() + " urged" + (orgUnitId == null ? "" : " in unit " + orgUnitId));
        return reached;
    }

    /** The period's folder in the first of the caller's spaces, where he submits. */
    public Optional<Long> ownFolder(Caller me, long periodId) {
        if (me.memberOf().isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT id FROM sharing_folder WHERE duty_period_id = :p AND space_id IN (:spaces)
                AND deleted_at IS NULL ORDER BY space_id, id""").param("p", periodId)
                .param("spaces", List.copyOf(me.memberOf())).query(Long.class).list().stream().findFirst();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), DutyService.CST);
    }
}
