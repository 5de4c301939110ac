package cn.jiandu.training.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.calendar.WorkingCalendar;
import cn.jiandu.exam.ExamGraded;
import cn.jiandu.exam.ExamPurpose;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.notification.NotificationRequested;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgSql;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.selection.AppointmentOrigin;
import cn.jiandu.selection.AppointmentStarted;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.time.ClockConfig;
import cn.jiandu.training.OnboardingCompleted;
import cn.jiandu.training.OnboardingItemCode;
import cn.jiandu.training.TrainingPermissions;
import cn.jiandu.training.TrainingProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 五个一: a checklist of five items opened for every new appointment, due a configurable number of working days
 * after the term starts. An item is done by attending a session of the matching kind, by passing the onboarding
 * exam (the knowledge test), or by the office confirming it with a date and evidence; each item is done once, by
 * the first of these.
 */
@Service
public class OnboardingService {

    /** Where a done item's completion came from. */
    public enum Source {
        SESSION, EXAM, CONFIRMED
    }

    public record Item(OnboardingItemCode code, Instant doneAt, Source source, String evidence, Long sessionId) {

        public boolean done() {
            return doneAt != null;
        }
    }

    public record Checklist(long appointmentId, long userId, String person, Role type, long scopeUnitId,
            String scopeUnitName, LocalDate startsOn, Instant dueAt, Instant completedAt, List<Item> items) {

        public long doneCount() {
            return items.stream().filter(Item::done).count();
        }

        public boolean overdueAt(Instant now) {
            return completedAt == null && now.isAfter(dueAt);
        }

        public String status(Instant now) {
            return completedAt != null ? "COMPLETED" : overdueAt(now) ? "OVERDUE" : "OPEN";
        }
    }

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TrainingProperties props;
    private final Clock clock;

    OnboardingService(JdbcClient jdbc, WorkingCalendar calendar, UserDirectory users, OrgDirectory org,
            AuditTrail audit, ApplicationEventPublisher events, TrainingProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.users = users;
        this.org = org;
        this.audit = audit;
        this.events = events;
        this.props = props;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- opening and completing

    /**
     * Opens the checklist of a new appointment; a second delivery of the same event (or a demo step racing the
     * listener) changes nothing. Imported appointments (supervisors before the register existed) get none unless
     * {@code jiandu.training.onboarding-for-imported} is set.
     */
    @Transactional
    public boolean open(AppointmentStarted e) {
        if (e.origin() == AppointmentOrigin.IMPORTED && !props.onboardingForImported()) {
            return false;
        }
        Instant due = calendar.deadlineAfter(e.startsOn().atStartOfDay(ClockConfig.ZONE).toInstant(),
                props.onboardingWorkingDays());
        int inserted = jdbc.sql("""
                INSERT INTO onboarding (appointment_id, user_id, type, scope_unit_id, starts_on, due_at, created_at)
                VALUES (:a, :u, :t, :scope, :starts, :due, :now) ON CONFLICT DO NOTHING""")
                .param("a", e.appointmentId()).param("u", e.userId()).param("t", e.type().name())
                .param("scope", e.scopeUnitId()).param("starts", e.startsOn()).param("due", Db.ts(due))
                .param("now", Db.ts(clock.instant())).update();
        if (inserted == 0) {
            return false;
        }
        for (OnboardingItemCode code : OnboardingItemCode.values()) {
            jdbc.sql("INSERT INTO onboarding_item (appointment_id, code) VALUES (:a, :c)")
                    .param("a", e.appointmentId()).param("c", code.name()).update();
        }
        audit.recordAs(null, "system", "training.onboarding.open", "onboarding", e.appointmentId(), Outcome.SUCCESS,
                "user=" + e.userId() + " due=" + due);
        if (due.isAfter(clock.instant())) {
            events.publishEvent(new NotificationRequested(List.of(e.userId()), "training.notify.onboardingOpened",
                    List.of(SessionService.WHEN.format(due)), "/training/onboarding/" + e.appointmentId()));
        }
        return true;
    }

    /** Attending a session completes the item of its kind on every open checklist of the person. */
    @Transactional
    public void attended(long userId, TrainingSession s, Instant at) {
        Optional<OnboardingItemCode> code = s.kind().completes();
        if (code.isEmpty()) {
            return;
        }
        complete(userId, code.get(), at, Source.SESSION, s.title(), s.id(), null, null);
    }

    /** A passed onboarding exam completes 一次知识测试. */
    @Transactional
    public void examGraded(ExamGraded e) {
        if (e.purpose() != ExamPurpose.ONBOARDING || !e.passed()) {
            return;
        }
        complete(e.userId(), OnboardingItemCode.TEST, e.gradedAt(), Source.EXAM,
                "exam " + e.examId() + ": " + e.score().stripTrailingZeros().toPlainString() + "/"
                        + e.maxScore().stripTrailingZeros().toPlainString(), null, e.examId(), null);
    }

    private void complete(long userId, OnboardingItemCode code, Instant at, Source source, String evidence,
            Long sessionId, Long examId, Long confirmedBy) {
        List<Long> open = jdbc.sql("""
                SELECT o.appointment_id FROM onboarding o JOIN onboarding_item i ON i.appointment_id = o.appointment_id
                WHERE o.user_id = :u AND o.completed_at IS NULL AND i.code = :c AND i.done_at IS NULL""")
                .param("u", userId).param("c", code.name()).query(Long.class).list();
        for (long appointmentId : open) {
            markDone(appointmentId, code, at, source, evidence, sessionId, examId, confirmedBy);
        }
    }

    private boolean markDone(long appointmentId, OnboardingItemCode code, Instant at, Source source,
            String evidence, Long sessionId, Long examId, Long confirmedBy) {
        int n = jdbc.sql("""
                UPDATE onboarding_item SET done_at = :at, source = :src, evidence = :ev, session_id = :s,
                    exam_id = :e, confirmed_by = :by
                WHERE appointment_id = :a AND code = :c AND done_at IS NULL""")
                .param("at", Db.ts(at)).param("src", source.name()).param("ev", truncate(evidence, 500))
                .param("s", sessionId).param("e", examId).param("by", confirmedBy).param("a", appointmentId)
                .param("c", code.name()).update();
        if (n == 0) {
            return false;
        }
        audit.record("training.onboarding.done", "onboarding", appointmentId, Outcome.SUCCESS,
                code + " " + source);
        long left = jdbc.sql("SELECT COUNT(*) FROM onboarding_item WHERE appointment_id = :a AND done_at IS NULL")
                .param("a", appointmentId).query(Long.class).single();
        if (left == 0) {
            Instant last = jdbc.sql("SELECT MAX(done_at) FROM onboarding_item WHERE appointment_id = :a")
                    .param("a", appointmentId).query(java.sql.Timestamp.class).single().toInstant();
            int closed = jdbc.sql("""
                    UPDATE onboarding SET completed_at = :at WHERE appointment_id = :a AND completed_at IS NULL""")
                    .param("at", Db.ts(last)).param("a", appointmentId).update();
            if (closed > 0) {
                Checklist c = load(appointmentId).orElseThrow();
                events.publishEvent(new OnboardingCompleted(appointmentId, c.userId(), last,
                        !last.isAfter(c.dueAt())));
            }
        }
        return true;
    }

    /** The office confirms an item by hand: a date (not in the future) and the evidence; a done item is 409. */
    @Transactional
    public Checklist confirm(JianduPrincipal me, long appointmentId, String codeName, LocalDate doneOn,
            String comment) {
        if (!me.can(TrainingPermissions.ONBOARDING_CONFIRM)) {
            throw Refusal.forbidden();
        }
        Checklist c = visible(me, appointmentId);
        OnboardingItemCode code;
        try {
            code = OnboardingItemCode.valueOf(codeName);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Refusal.notFound();
        }
        if (doneOn == null) {
            throw Refusal.invalidField("doneOn", "training.onboarding.error.doneOn");
        }
        LocalDate today = LocalDate.now(clock);
        if (doneOn.isAfter(today)) {
            throw Refusal.invalidField("doneOn", "training.onboarding.error.doneOnFuture");
        }
        String ev = SessionService.blankToNull(comment);
        if (ev == null || ev.length() > 500) {
            throw Refusal.invalidField("comment", "training.onboarding.error.comment");
        }
        if (c.items().stream().anyMatch(i -> i.code() == code && i.done())) {
            throw Refusal.conflict("training.onboarding.error.done");
        }
        Instant at = doneOn.equals(today) ? clock.instant()
                : doneOn.atTime(12, 0).atZone(ClockConfig.ZONE).toInstant();
        if (!markDone(appointmentId, code, at, Source.CONFIRMED, ev, null, null, me.id())) {
            throw Refusal.conflict("training.onboarding.error.done");
        }
        return load(appointmentId).orElseThrow();
    }

    // ---------------------------------------------------------------- reading

    /** A checklist the caller may read: his own, the office's and leaders' all, a branch secretary's subtree. */
    public Checklist visible(JianduPrincipal me, long appointmentId) {
        Checklist c = load(appointmentId).orElseThrow(Refusal::notFound);
        if (me.id() == c.userId() || me.seesEverything()
                || (me.can(TrainingPermissions.ONBOARDING_READ) && me.has(Role.BRANCH_SECRETARY)
                        && (org.isWithin(c.scopeUnitId(), me.orgUnitId())
                                || users.find(c.userId()).map(u -> org.isWithin(u.orgUnitId(), me.orgUnitId()))
                                        .orElse(false)))) {
            return c;
        }
        throw Refusal.notFound();
    }

    public List<Checklist> ofUser(long userId) {
        return query("o.user_id = :u", Map.of("u", userId));
    }

    /** The office's list (a branch secretary's: his subtree), filtered by unit subtree and status. */
    public List<Checklist> list(JianduPrincipal me, Long unitId, String status) {
        if (!me.can(TrainingPermissions.ONBOARDING_READ)) {
            throw Refusal.forbidden();
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!me.seesEverything()) {
            where.append(" AND o.scope_unit_id IN (" + OrgSql.subtreeAtPath(":mine") + ")");
            params.put("mine", org.find(me.orgUnitId()).map(OrgUnitView::path).orElse("/none/"));
        }
        if (unitId != null) {
            where.append(" AND o.scope_unit_id IN (" + OrgSql.subtreeAtPath(":unit") + ")");
            params.put("unit", org.find(unitId).map(OrgUnitView::path).orElse("/none/"));
        }
        if (status != null && !status.isBlank()) {
            params.put("now", Db.ts(clock.instant()));
            switch (status) {
                case "COMPLETED" -> where.append(" AND o.completed_at IS NOT NULL");
                case "OPEN" -> where.append(" AND o.completed_at IS NULL AND o.due_at >= :now");
                case "OVERDUE" -> where.append(" AND o.completed_at IS NULL AND o.due_at < :now");
                default -> throw Refusal.invalidField("status", "training.onboarding.error.status");
            }
        }
        return query(where.toString(), params);
    }

    Optional<Checklist> load(long appointmentId) {
        return query("o.appointment_id = :a", Map.of("a", appointmentId)).stream().findFirst();
    }

    private record Head(long appointmentId, long userId, Role type, long scopeUnitId, LocalDate startsOn,
            Instant dueAt, Instant completedAt) {
    }

    private List<Checklist> query(String where, Map<String, ?> params) {
        List<Head> heads = jdbc.sql("SELECT o.* FROM onboarding o WHERE " + where
                        + " ORDER BY o.due_at, o.appointment_id").params(params)
                .query((rs, n) -> new Head(rs.getLong("appointment_id"), rs.getLong("user_id"),
                        Role.valueOf(rs.getString("type")), rs.getLong("scope_unit_id"),
                        rs.getObject("starts_on", LocalDate.class), Db.instant(rs, "due_at"),
                        Db.instant(rs, "completed_at"))).list();
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Item>> items = new LinkedHashMap<>();
        jdbc.sql("SELECT i.* FROM onboarding_item i JOIN onboarding o ON o.appointment_id = i.appointment_id WHERE "
                        + where).params(params)
                .query((rs, n) -> {
                    items.computeIfAbsent(rs.getLong("appointment_id"), k -> new ArrayList<>()).add(new Item(
                            OnboardingItemCode.valueOf(rs.getString("code")), Db.instant(rs, "done_at"),
                            rs.getString("source") == null ? null : Source.valueOf(rs.getString("source")),
                            rs.getString("evidence"), Db.longOrNull(rs, "session_id")));
                    return null;
                }).list();
        Map<Long, String> names = users.displayNames(heads.stream().map(Head::userId).distinct().toList());
        Map<Long, String> units = new LinkedHashMap<>();
        return heads.stream().map(h -> new Checklist(h.appointmentId(), h.userId(), names.get(h.userId()), h.type(),
                h.scopeUnitId(), units.computeIfAbsent(h.scopeUnitId(),
                        u -> org.find(u).map(OrgUnitView::name).orElse(null)),
                h.startsOn(), h.dueAt(), h.completedAt(),
                items.getOrDefault(h.appointmentId(), List.of()).stream()
                        .sorted(java.util.Comparator.comparing(Item::code)).toList())).toList();
    }

    // ---------------------------------------------------------------- reminders

    /** Reminds each person with an overdue checklist once a day, and tells the office how many are overdue. */
    @Transactional
    public int remindOverdue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        List<long[]> overdue = jdbc.sql("""
                SELECT appointment_id, user_id FROM onboarding
                WHERE completed_at IS NULL AND due_at < :now AND (reminded_on IS NULL OR reminded_on < :today)""")
                .param("now", Db.ts(now)).param("today", today)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        for (long[] o : overdue) {
            long left = jdbc.sql("SELECT COUNT(*) FROM onboarding_item WHERE appointment_id = :a AND done_at IS NULL")
                    .param("a", o[0]).query(Long.class).single();
            events.publishEvent(new NotificationRequested(List.of(o[1]), "training.notify.onboardingOverdue",
                    List.of(String.valueOf(left)), "/training/onboarding/" + o[0]));
            jdbc.sql("UPDATE onboarding SET reminded_on = :today WHERE appointment_id = :a").param("today", today)
                    .param("a", o[0]).update();
        }
        if (!overdue.isEmpty()) {
            List<Long> admins = users.withRole(Role.ADMIN).stream().map(cn.jiandu.identity.UserView::id).toList();
            if (!admins.isEmpty()) {
                events.publishEvent(new NotificationRequested(admins, "training.notify.onboardingOverdueOffice",
                        List.of(String.valueOf(overdue.size())), "/training/onboarding?status=OVERDUE"));
            }
        }
        return overdue.size();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
