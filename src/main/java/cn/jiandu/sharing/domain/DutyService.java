package cn.jiandu.sharing.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.calendar.WorkingCalendar;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.notification.NotificationRequested;
import cn.jiandu.shared.security.Role;
import cn.jiandu.sharing.DutyPeriodType;
import cn.jiandu.sharing.DutyTimeliness;
import cn.jiandu.sharing.FolderKind;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 履职材料反馈: duty periods with due dates, one folder per period in every space, the first upload of each member
 * recorded as on time or late, reminders three working days ahead, and on-time rates for the ledger.
 */
@Service
public class DutyService implements DutyTimeliness {

    static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    static final int REMIND_WORKING_DAYS = 3;

    /** One member's state for one period: ON_TIME, LATE or MISSING; {@code orgUnitId}: the member's unit. */
    public record Submission(long userId, String displayName, long spaceId, String status, Instant submittedAt,
            long orgUnitId) {
    }

    private final JdbcClient jdbc;
    private final SpaceRepository spaces;
    private final FolderRepository folders;
    private final UserDirectory users;
    private final ObjectProvider<WorkingCalendar> calendar;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    DutyService(JdbcClient jdbc, SpaceRepository spaces, FolderRepository folders, UserDirectory users,
            ObjectProvider<WorkingCalendar> calendar, ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.spaces = spaces;
        this.folders = folders;
        this.users = users;
        this.calendar = calendar;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public List<DutyPeriod> periods() {
        return jdbc.sql("SELECT * FROM sharing_duty_period ORDER BY due_on, id").query(DutyService::map).list();
    }

    public Optional<DutyPeriod> find(long id) {
        return jdbc.sql("SELECT * FROM sharing_duty_period WHERE id = :id").param("id", id).query(DutyService::map)
                .optional();
    }

    /** Declares a period and gives it a folder (e.g. 季度/2026Q1) under 履职材料反馈 in every space. */
    @Transactional
    public DutyPeriod declare(Caller me, String code, DutyPeriodType type, LocalDate startsOn, LocalDate dueOn) {
        if (!me.admin()) {
            throw Refusal.forbidden();
        }
        String c = Names.check(code == null ? null : code.strip());
        if (type == null) {
            throw Refusal.invalidField("type", "error.required");
        }
        if (startsOn == null || dueOn == null || dueOn.isBefore(startsOn)) {
            throw Refusal.invalidField("dueOn", "sharing.error.dueBeforeStart");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM sharing_duty_period WHERE code = :c").param("c", c).query(Long.class)
                .single() > 0) {
            throw Refusal.conflict("sharing.error.periodExists", c);
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sharing_duty_period (code, period_type, starts_on, due_on, created_at)
                VALUES (:c, :t, :s, :d, :now)""").param("c", c).param("t", type.name())
                .param("s", Date.valueOf(startsOn)).param("d", Date.valueOf(dueOn))
                .param("now", Rows.ts(clock.instant())).update(keys, "id");
        long id = keys.getKey().longValue();
        for (Space s : spaces.all()) {
            ensureFolder(s.id(), id, c, type);
        }
        audit.record("sharing.duty.declare", "sharing_duty_period", id, Outcome.SUCCESS, c + " due " + dueOn);
        return find(id).orElseThrow();
    }

    void ensureFolder(long spaceId, long periodId, String code, DutyPeriodType type) {
        Folder duty = folders.standard(spaceId, FolderKind.DUTY_MATERIALS.name()).orElse(null);
        if (duty == null) {
            return;
        }
        Instant now = clock.instant();
        long typeFolder = folders.liveChild(duty.id(), type.folderName()).map(Folder::id).orElseGet(() ->
                folders.insert(spaceId, duty.id(), type.folderName(), null, duty.area(), null, null, now));
        if (folders.liveChild(typeFolder, code).isEmpty()) {
            folders.insert(spaceId, typeFolder, code, null, duty.area(), null, periodId, now);
        }
    }

    /** Only the first upload of a member into the period's folder counts. */
    void recordSubmission(long periodId, long userId, long spaceId, long entryId, Instant at) {
        DutyPeriod p = find(periodId).orElseThrow();
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM sharing_duty_submission WHERE period_id = :p AND user_id = :u")
                .param("p", periodId).param("u", userId).query(Long.class).single() > 0;
        if (exists) {
            return;
        }
        boolean onTime = !at.atZone(CST).toLocalDate().isAfter(p.dueOn());
        jdbc.sql("""
                INSERT INTO sharing_duty_submission (period_id, user_id, space_id, entry_id, submitted_at, on_time)
                VALUES (:p, :u, :s, :e, :t, :o)""").param("p", periodId).param("u", userId).param("s", spaceId)
                .param("e", entryId).param("t", Rows.ts(at)).param("o", onTime).update();
    }

    /** Who is expected to submit: every holder of a space's role and its explicit members, by space. */
    public Map<Long, List<UserView>> membersBySpace() {
        Map<Long, List<UserView>> out = new LinkedHashMap<>();
        for (Space s : spaces.all()) {
            Map<Long, UserView> m = new LinkedHashMap<>();
            if (s.roleCode() != null) {
                users.withRole(Role.valueOf(s.roleCode())).forEach(u -> m.put(u.id(), u));
            }
            spaces.explicitMembers(s.id()).forEach(id -> users.find(id).filter(UserView::enabled)
                    .ifPresent(u -> m.put(u.id(), u)));
            m.values().removeIf(u -> u.has(Role.ADMIN));
            out.put(s.id(), new ArrayList<>(m.values()));
        }
        return out;
    }

    public List<Submission> submissions(Caller me, long periodId) {
        if (!me.admin() && !me.principal().seesEverything()) {
            throw Refusal.forbidden();
        }
        find(periodId).orElseThrow(Refusal::notFound);
        Map<Long, Object[]> done = new HashMap<>();
        jdbc.sql("SELECT user_id, submitted_at, on_time FROM sharing_duty_submission WHERE period_id = :p")
                .param("p", periodId).query((rs, n) -> done.put(rs.getLong("user_id"),
                        new Object[] {Rows.instant(rs, "submitted_at"), rs.getBoolean("on_time")})).list();
        List<Submission> out = new ArrayList<>();
        membersBySpace().forEach((space, members) -> members.forEach(u -> {
            Object[] d = done.get(u.id());
            String status = d == null ? "MISSING" : (Boolean) d[1] ? "ON_TIME" : "LATE";
            out.add(new Submission(u.id(), u.displayName(), space, status, d == null ? null : (Instant) d[0],
                    u.orgUnitId()));
        }));
        return out;
    }

    /**
     * Reminds members who have not submitted, once per period, when {@code today} is three working days (or fewer)
     * before the due date. Returns the reminded user ids.
     */
    @Transactional
    public List<Long> remind(LocalDate today) {
        List<Long> reminded = new ArrayList<>();
        for (DutyPeriod p : periods()) {
            if (p.reminded() || today.isAfter(p.dueOn()) || workingDaysBetween(today, p.dueOn()) > REMIND_WORKING_DAYS) {
                continue;
            }
            List<Long> missing = new ArrayList<>();
            membersBySpace().values().forEach(ms -> ms.forEach(u -> {
                if (!missing.contains(u.id()) && jdbc.sql("""
                        SELECT COUNT(*) FROM sharing_duty_submission WHERE period_id = :p AND user_id = :u""")
                        .param("p", p.id()).param("u", u.id()).query(Long.class).single() == 0) {
                    missing.add(u.id());
                }
            }));
            if (!missing.isEmpty()) {
                events.publishEvent(new NotificationRequested(missing, "sharing.notify.dutyDue",
                        List.of(p.code(), p.dueOn().toString()), "/sharing"));
            }
            jdbc.sql("UPDATE sharing_duty_period SET reminded_at = :t WHERE id = :id")
                    .param("t", Rows.ts(clock.instant())).param("id", p.id()).update();
            audit.record("sharing.duty.remind", "sharing_duty_period", p.id(), Outcome.SUCCESS,
                    missing.size() + " reminded");
            reminded.addAll(missing);
        }
        return reminded;
    }

    /** Uses the working calendar when the platform provides one; Monday–Friday otherwise. */
    int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        WorkingCalendar cal = calendar.getIfAvailable();
        if (cal != null) {
            return cal.workingDaysBetween(fromExclusive, toInclusive);
        }
        int n = 0;
        for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                n++;
            }
        }
        return n;
    }

    @Override
    public Double onTimeRate(long userId, LocalDate from, LocalDate to) {
        return onTimeRates(from, to).get(userId);
    }

    @Override
    public Map<Long, Double> onTimeRates(LocalDate from, LocalDate to) {
        List<Long> due = jdbc.sql("SELECT id FROM sharing_duty_period WHERE due_on >= :f AND due_on <= :t")
                .param("f", Date.valueOf(from)).param("t", Date.valueOf(to)).query(Long.class).list();
        Map<Long, Long> onTime = new HashMap<>();
        if (!due.isEmpty()) {
            jdbc.sql("""
                    SELECT user_id, COUNT(*) AS n FROM sharing_duty_submission
                    WHERE period_id IN (:p) AND on_time = TRUE GROUP BY user_id""").param("p", due)
                    .query((rs, i) -> onTime.put(rs.getLong("user_id"), rs.getLong("n"))).list();
        }
        Map<Long, Double> rates = new HashMap<>();
        membersBySpace().values().forEach(ms -> ms.forEach(u -> rates.put(u.id(),
                due.isEmpty() ? null : onTime.getOrDefault(u.id(), 0L) / (double) due.size())));
        return rates;
    }

    private static DutyPeriod map(ResultSet rs, int n) throws SQLException {
        return new DutyPeriod(rs.getLong("id"), rs.getString("code"), DutyPeriodType.valueOf(rs.getString("period_type")),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getObject("reminded_at") != null);
    }
}
