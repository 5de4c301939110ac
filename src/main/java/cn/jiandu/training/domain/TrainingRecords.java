package cn.jiandu.training.domain;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.training.AttendanceStatus;
import cn.jiandu.training.SessionKind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A person's training record: every session he was invited to with how he attended, and his 五个一. */
@Service
public class TrainingRecords {

    public record Entry(long sessionId, SessionKind kind, String title, Instant startsAt, Instant endsAt,
            AttendanceStatus status, Instant signedInAt) {
    }

    public record Record(UserView person, List<Entry> sessions, long attended, long invited,
            List<OnboardingService.Checklist> onboarding, List<Talks.Talk> talks) {
    }

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final OnboardingService onboarding;
    private final Talks talks;
    private final Clock clock;

    TrainingRecords(JdbcClient jdbc, UserDirectory users, OrgDirectory org, OnboardingService onboarding,
            Talks talks, Clock clock) {
        this.talks = talks;
        this.jdbc = jdbc;
        this.users = users;
        this.org = org;
        this.onboarding = onboarding;
        this.clock = clock;
    }

    /** His own, everyone's for the office and leaders, his subtree's for a branch secretary; 404 otherwise. */
    public Record of(JianduPrincipal me, long userId) {
        UserView u = users.find(userId).orElseThrow(Refusal::notFound);
        boolean may = me.id() == userId || me.seesEverything()
                || (me.has(Role.BRANCH_SECRETARY) && org.isWithin(u.orgUnitId(), me.orgUnitId()));
        if (!may) {
            throw Refusal.notFound();
        }
        Instant now = clock.instant();
        List<Entry> entries = jdbc.sql("""
                SELECT s.id, s.kind, s.title, s.starts_at, s.ends_at, i.status, i.signed_in_at
                FROM training_invitee i JOIN training_session s ON s.id = i.session_id
                WHERE i.user_id = :u ORDER BY s.starts_at DESC, s.id DESC""").param("u", userId)
                .query((rs, n) -> {
                    Instant ends = Db.instant(rs, "ends_at");
                    String st = rs.getString("status");
                    AttendanceStatus status = st != null ? AttendanceStatus.valueOf(st)
                            : now.isAfter(ends) ? AttendanceStatus.ABSENT : null;
                    return new Entry(rs.getLong("id"), SessionKind.valueOf(rs.getString("kind")),
                            rs.getString("title"), Db.instant(rs, "starts_at"), ends, status,
                            Db.instant(rs, "signed_in_at"));
                }).list();
        long attended = entries.stream().filter(e -> e.status() != null && e.status().attended()).count();
        return new Record(u, entries, attended, entries.size(), onboarding.ofUser(userId), talks.ofAuthor(userId));
    }
}
