package cn.jiandu.training.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.time.ClockConfig;
import cn.jiandu.training.AttendanceRecorded;
import cn.jiandu.training.AttendanceStatus;
import cn.jiandu.training.TrainingProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance: signing in with the projector's code (once; the first time kept), leave (请假) before the start,
 * marking by the organiser with a reason, and the attendance list with its rate. Every record publishes
 * {@link AttendanceRecorded} and completes the matching 五个一 item.
 */
@Service
public class AttendanceService {

    /** One line of the attendance list. {@code status} is null while the session runs and he has not come yet. */
    public record Line(long userId, String person, AttendanceStatus status, Instant signedInAt, String reason,
            boolean byHand) {
    }

    /** The answer to a sign-in. */
    public record SignedIn(long sessionId, Instant signedInAt, AttendanceStatus status, boolean first) {
    }

    /** Counts of an attendance list; {@code rate} = (present + late) / invited, null when nobody was invited. */
    public record Tally(int invited, int present, int late, int leave, int absent, int pending, Double rate) {
    }

    private record Row(long userId, AttendanceStatus status, Instant signedInAt, String reason, boolean byHand) {
    }

    private final JdbcClient jdbc;
    private final SessionService sessions;
    private final SignInCodes codes;
    private final OnboardingService onboarding;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TrainingProperties props;
    private final Clock clock;

    AttendanceService(JdbcClient jdbc, SessionService sessions, SignInCodes codes, OnboardingService onboarding,
            UserDirectory users, AuditTrail audit, ApplicationEventPublisher events, TrainingProperties props,
            Clock clock) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.codes = codes;
        this.onboarding = onboarding;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.props = props;
        this.clock = clock;
    }

    /** The organiser's code for the projector; only while sign-in is open (409 otherwise). */
    public SignInCodes.Issued code(JianduPrincipal me, long sessionId) {
        TrainingSession s = sessions.managed(me, sessionId);
        if (!s.signInOpenAt(clock.instant(), props.signInOpensBefore())) {
            throw Refusal.conflict("training.signIn.outsideWindow");
        }
        return codes.issue(sessionId);
    }

    /**
     * Signs the caller in with a code: 400 forged / expired / another session's code (when he names the session he
     * means), 403 not invited, 409 outside the window, and a second sign-in answers with the first time.
     */
    @Transactional
    public SignedIn signIn(JianduPrincipal me, String code, Long expectedSessionId) {
        SignInCodes.Verified v = codes.verify(code);
        if (expectedSessionId != null && expectedSessionId != v.sessionId()) {
            throw Refusal.invalidField("code", "training.signIn.otherSession");
        }
        TrainingSession s = sessions.find(v.sessionId()).orElseThrow(Refusal::notFound);
        Row row = row(s.id(), me.id()).orElseThrow(() -> Refusal.forbidden("training.signIn.notInvited"));
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (!s.signInOpenAt(now, props.signInOpensBefore())) {
            throw Refusal.conflict("training.signIn.outsideWindow");
        }
        if (row.signedInAt() != null) {
            return new SignedIn(s.id(), row.signedInAt(), row.status(), false);
        }
        AttendanceStatus status = now.isAfter(s.startsAt().plus(props.lateAfter())) ? AttendanceStatus.LATE
                : AttendanceStatus.PRESENT;
        int changed = jdbc.sql("""
                UPDATE training_invitee SET status = :status, signed_in_at = :now, recorded_at = :now, reason = NULL,
                    marked_by = NULL
                WHERE session_id = :s AND user_id = :u AND signed_in_at IS NULL""")
                .param("status", status.name()).param("now", Db.ts(now)).param("s", s.id()).param("u", me.id())
                .update();
        if (changed == 0) { // signed in a moment ago on another request: that one stands
            Row first = row(s.id(), me.id()).orElseThrow();
            return new SignedIn(s.id(), first.signedInAt(), first.status(), false);
        }
        recorded(s, me.id(), status, now, false);
        audit.record("training.signIn", "training_session", s.id(), Outcome.SUCCESS, status.name());
        return new SignedIn(s.id(), now, status, true);
    }

    /** 请假 by an invitee, before the start, with a reason. */
    @Transactional
    public void leave(JianduPrincipal me, long sessionId, String reason) {
        TrainingSession s = sessions.visible(me, sessionId);
        Row row = row(s.id(), me.id()).orElseThrow(() -> Refusal.forbidden("training.signIn.notInvited"));
        String r = SessionService.blankToNull(reason);
        if (r == null || r.length() > 500) {
            throw Refusal.invalidField("reason", "training.leave.error.reason");
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (s.started(now)) {
            throw Refusal.conflict("training.leave.error.started");
        }
        if (row.signedInAt() != null) {
            throw Refusal.conflict("training.leave.error.signedIn");
        }
        jdbc.sql("""
                UPDATE training_invitee SET status = 'LEAVE', reason = :r, recorded_at = :now, marked_by = NULL
                WHERE session_id = :s AND user_id = :u""")
                .param("r", r).param("now", Db.ts(now)).param("s", s.id()).param("u", me.id()).update();
        recorded(s, me.id(), AttendanceStatus.LEAVE, now, false);
        audit.record("training.leave", "training_session", s.id(), Outcome.SUCCESS, r);
    }

    /** The organiser marks someone by hand (adding him if he was not invited); a reason is required. */
    @Transactional
    public Line mark(JianduPrincipal me, long sessionId, Long userId, AttendanceStatus status, String reason) {
        TrainingSession s = sessions.managed(me, sessionId);
        if (userId == null || users.find(userId).isEmpty()) {
            throw Refusal.invalidField("userId", "training.session.error.user");
        }
        if (status == null) {
            throw Refusal.invalidField("status", "training.attendance.error.status");
        }
        String r = SessionService.blankToNull(reason);
        if (r == null || r.length() > 500) {
            throw Refusal.invalidField("reason", "training.attendance.error.reason");
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (status.attended() && !s.started(now.plus(props.signInOpensBefore()))) {
            throw Refusal.conflict("training.attendance.error.notStarted");
        }
        Optional<Row> existing = row(s.id(), userId);
        if (existing.isEmpty()) {
            jdbc.sql("INSERT INTO training_invitee (session_id, user_id, added_by_hand) VALUES (:s, :u, TRUE)")
                    .param("s", s.id()).param("u", userId).update();
        }
        Instant signedIn = status.attended()
                ? existing.map(Row::signedInAt).filter(x -> x != null).orElse(now) : null;
        jdbc.sql("""
                UPDATE training_invitee SET status = :status, signed_in_at = :signed, reason = :r, marked_by = :me,
                    recorded_at = :now WHERE session_id = :s AND user_id = :u""")
                .param("status", status.name()).param("signed", Db.ts(signedIn)).param("r", r)
                .param("me", me.id()).param("now", Db.ts(now)).param("s", s.id()).param("u", userId).update();
        recorded(s, userId, status, signedIn == null ? now : signedIn, true);
        audit.record("training.attendance.mark", "training_session", s.id(), Outcome.SUCCESS,
                "user=" + userId + " " + status + " " + r);
        return lines(s).stream().filter(l -> l.userId() == userId).findFirst().orElseThrow();
    }

    public List<Line> attendance(JianduPrincipal me, long sessionId) {
        return lines(sessions.managed(me, sessionId));
    }

    List<Line> lines(TrainingSession s) {
        boolean ended = s.ended(clock.instant());
        List<Row> rows = jdbc.sql("""
                SELECT user_id, status, signed_in_at, reason, marked_by FROM training_invitee WHERE session_id = :s
                ORDER BY user_id""").param("s", s.id())
                .query((rs, n) -> new Row(rs.getLong("user_id"),
                        rs.getString("status") == null ? null : AttendanceStatus.valueOf(rs.getString("status")),
                        Db.instant(rs, "signed_in_at"), rs.getString("reason"), Db.longOrNull(rs, "marked_by") != null))
                .list();
        Map<Long, String> names = users.displayNames(rows.stream().map(Row::userId).toList());
        return rows.stream().map(r -> new Line(r.userId(), names.get(r.userId()),
                r.status() == null && ended ? AttendanceStatus.ABSENT : r.status(), r.signedInAt(), r.reason(),
                r.byHand())).toList();
    }

    public static Tally tally(List<Line> lines) {
        int present = 0;
        int late = 0;
        int leave = 0;
        int absent = 0;
        int pending = 0;
        for (Line l : lines) {
            if (l.status() == null) {
                pending++;
            } else {
                switch (l.status()) {
                    case PRESENT -> present++;
                    case LATE -> late++;
                    case LEAVE -> leave++;
                    case ABSENT -> absent++;
                }
            }
        }
        int invited = lines.size();
        return new Tally(invited, present, late, leave, absent, pending,
                invited == 0 ? null : (present + late) / (double) invited);
    }

    /** The caller's own line, if invited. */
    public Optional<Line> mine(JianduPrincipal me, TrainingSession s) {
        boolean ended = s.ended(clock.instant());
        return row(s.id(), me.id()).map(r -> new Line(r.userId(), me.displayName(),
                r.status() == null && ended ? AttendanceStatus.ABSENT : r.status(), r.signedInAt(), r.reason(),
                r.byHand()));
    }

    private Optional<Row> row(long sessionId, long userId) {
        return jdbc.sql("""
                SELECT user_id, status, signed_in_at, reason, marked_by FROM training_invitee
                WHERE session_id = :s AND user_id = :u""").param("s", sessionId).param("u", userId)
                .query((rs, n) -> new Row(rs.getLong("user_id"),
                        rs.getString("status") == null ? null : AttendanceStatus.valueOf(rs.getString("status")),
                        Db.instant(rs, "signed_in_at"), rs.getString("reason"), Db.longOrNull(rs, "marked_by") != null))
                .optional();
    }

    private void recorded(TrainingSession s, long userId, AttendanceStatus status, Instant at, boolean byHand) {
        events.publishEvent(new AttendanceRecorded(s.id(), userId, s.kind(), status,
                s.startsAt().atZone(ClockConfig.ZONE).toLocalDate(), at, byHand));
        if (status.attended()) {
            onboarding.attended(userId, s, at);
        }
    }
}
