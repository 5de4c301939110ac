package cn.jiandu.training.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.notification.NotificationRequested;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgSql;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.time.ClockConfig;
import cn.jiandu.training.SessionKind;
import cn.jiandu.training.TrainingPermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planning training sessions: who may plan which (the office any, a branch secretary within his subtree), the
 * audience resolved to invitees when planned and again when changed (keeping what invitees already recorded), the
 * invitations, who may read and who may run a session.
 */
@Service
public class SessionService {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockConfig.ZONE);

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SessionService(JdbcClient jdbc, OrgDirectory org, UserDirectory users, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reading

    public Optional<TrainingSession> find(long id) {
        Optional<TrainingSession> s = jdbc.sql("SELECT * FROM training_session WHERE id = :id").param("id", id)
                .query((rs, n) -> new TrainingSession(rs.getLong("id"), SessionKind.valueOf(rs.getString("kind")),
                        rs.getString("title"), Db.instant(rs, "starts_at"), Db.instant(rs, "ends_at"),
                        rs.getString("place"), rs.getBoolean("online"), rs.getLong("organiser_id"),
                        rs.getLong("owner_unit_id"), types(rs.getString("audience_types")), List.of(), List.of(),
                        List.of(), Db.longOrNull(rs, "exam_id"), rs.getString("description"),
                        rs.getLong("created_by")))
                .optional();
        return s.map(x -> new TrainingSession(x.id(), x.kind(), x.title(), x.startsAt(), x.endsAt(), x.place(),
                x.online(), x.organiserId(), x.ownerUnitId(), x.audienceTypes(),
                ids("SELECT unit_id FROM training_audience_unit WHERE session_id = :id ORDER BY unit_id", id),
                ids("SELECT user_id FROM training_audience_user WHERE session_id = :id ORDER BY user_id", id),
                ids("SELECT file_id FROM training_material WHERE session_id = :id ORDER BY sort_order", id),
                x.examId(), x.description(), x.createdBy()));
    }

    /** The session if the caller may read it (404 otherwise). */
    public TrainingSession visible(JianduPrincipal me, long id) {
        TrainingSession s = find(id).orElseThrow(Refusal::notFound);
        if (!mayRead(me, s)) {
            throw Refusal.notFound();
        }
        return s;
    }

    /** The session if the caller may run it: sign-in code, attendance, changes (404 unreadable, 403 otherwise). */
    public TrainingSession managed(JianduPrincipal me, long id) {
        TrainingSession s = visible(me, id);
        if (!mayManage(me, s)) {
            throw Refusal.forbidden();
        }
        return s;
    }

    public boolean mayManage(JianduPrincipal me, TrainingSession s) {
        if (me.isAdmin() || me.id() == s.organiserId() || me.id() == s.createdBy()) {
            return true;
        }
        return me.can(TrainingPermissions.PLAN) && me.has(Role.BRANCH_SECRETARY)
                && org.isWithin(s.ownerUnitId(), me.orgUnitId());
    }

    public boolean mayRead(JianduPrincipal me, TrainingSession s) {
        return me.seesEverything() || mayManage(me, s) || isInvitee(s.id(), me.id());
    }

    public boolean isInvitee(long sessionId, long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM training_invitee WHERE session_id = :s AND user_id = :u")
                .param("s", sessionId).param("u", userId).query(Long.class).single() > 0;
    }

    /** Summary rows of the sessions the caller may read, newest first. */
    public cn.jiandu.shared.paging.CursorPage<SessionSummary> list(JianduPrincipal me, String scope, int size,
            String cursor) {
        StringBuilder sql = new StringBuilder("""
                SELECT s.id, s.kind, s.title, s.starts_at, s.ends_at, s.place, s.online, s.organiser_id,
                       (SELECT COUNT(*) FROM training_invitee i WHERE i.session_id = s.id) AS invited,
                       (SELECT COUNT(*) FROM training_invitee i WHERE i.session_id = s.id
                         AND i.status IN ('PRESENT', 'LATE')) AS attended,
                       (SELECT i.status FROM training_invitee i WHERE i.session_id = s.id AND i.user_id = :me) AS mine,
                       (SELECT COUNT(*) FROM training_invitee i WHERE i.session_id = s.id AND i.user_id = :me) AS invitedMe
                FROM training_session s WHERE 1 = 1""");
        boolean mineOnly = "mine".equals(scope);
        if (mineOnly || !(me.seesEverything())) {
            sql.append(" AND (EXISTS (SELECT 1 FROM training_invitee i WHERE i.session_id = s.id AND i.user_id = :me)");
            if (!mineOnly) {
                sql.append(" OR s.organiser_id = :me OR s.created_by = :me");
                if (me.has(Role.BRANCH_SECRETARY) && me.can(TrainingPermissions.PLAN)) {
                    sql.append(" OR s.owner_unit_id IN (" + OrgSql.subtreeAtPath(":path") + ")");
                }
            }
            sql.append(')');
        }
        Instant cursorStart = null;
        long cursorId = 0;
        if (cursor != null && !cursor.isBlank()) {
            List<String> keys = cn.jiandu.shared.paging.Cursor.decode(cursor, 2);
            try {
                cursorStart = Instant.ofEpochMilli(Long.parseLong(keys.get(0)));
                cursorId = Long.parseLong(keys.get(1));
            } catch (NumberFormatException e) {
                throw Refusal.invalidField("cursor", "error.invalidValue");
            }
            sql.append(" AND (s.starts_at < :cs OR (s.starts_at = :cs AND s.id < :cid))");
        }
        sql.append(" ORDER BY s.starts_at DESC, s.id DESC LIMIT ").append(size + 1);
        var spec = jdbc.sql(sql.toString()).param("me", me.id());
        if (cursorStart != null) {
            spec = spec.param("cs", Db.ts(cursorStart)).param("cid", cursorId);
        }
        if (sql.indexOf(":path") >= 0) {
            spec = spec.param("path", org.find(me.orgUnitId()).map(OrgUnitView::path).orElse("/none/"));
        }
        List<SessionSummary> rows = spec.query((rs, n) -> new SessionSummary(rs.getLong("id"),
                SessionKind.valueOf(rs.getString("kind")), rs.getString("title"), Db.instant(rs, "starts_at"),
                Db.instant(rs, "ends_at"), rs.getString("place"), rs.getBoolean("online"), rs.getLong("organiser_id"),
                null, rs.getLong("invited"), rs.getLong("attended"), rs.getLong("invitedMe") > 0,
                rs.getString("mine"))).list();
        Map<Long, String> names = users.displayNames(rows.stream().map(SessionSummary::organiserId).toList());
        return cn.jiandu.shared.paging.CursorPage.of(
                rows.stream().map(r -> r.withOrganiserName(names.get(r.organiserId()))).toList(), size,
                r -> cn.jiandu.shared.paging.Cursor.encode(r.startsAt().toEpochMilli(), r.id()));
    }

    /** A row of the session list. {@code myStatus} is the caller's stored attendance, null if none yet. */
    public record SessionSummary(long id, SessionKind kind, String title, Instant startsAt, Instant endsAt,
            String place, boolean online, long organiserId, String organiserName, long invited, long attended,
            boolean invitedMe, String myStatus) {

        SessionSummary withOrganiserName(String name) {
            return new SessionSummary(id, kind, title, startsAt, endsAt, place, online, organiserId, name, invited,
                    attended, invitedMe, myStatus);
        }
    }

    // ---------------------------------------------------------------- planning

    @Transactional
    public TrainingSession plan(JianduPrincipal me, SessionCommand cmd) {
        requirePlanner(me);
        Checked c = check(me, cmd);
        Instant now = clock.instant();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO training_session (kind, title, starts_at, ends_at, place, online, organiser_id,
                    owner_unit_id, audience_types, exam_id, description, created_by, created_at, updated_at)
                VALUES (:kind, :title, :starts, :ends, :place, :online, :organiser, :owner, :types, :exam, :descr,
                    :me, :now, :now)""")
                .param("kind", cmd.kind().name()).param("title", c.title).param("starts", Db.ts(c.starts))
                .param("ends", Db.ts(c.ends)).param("place", c.place).param("online", c.online)
                .param("organiser", c.organiserId).param("owner", c.ownerUnitId)
                .param("types", c.types.stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("exam", cmd.examId()).param("descr", blankToNull(cmd.description())).param("me", me.id())
                .param("now", Db.ts(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        writeAudience(id, c);
        List<Long> invited = syncInvitees(id, c.invitees);
        audit.record("training.session.plan", "training_session", id, cn.jiandu.audit.Outcome.SUCCESS,
                cmd.kind() + " " + c.title + " invitees=" + c.invitees.size());
        notifyInvited(invited, id, c.title, c.starts, "training.notify.invited");
        return find(id).orElseThrow();
    }

    @Transactional
    public TrainingSession update(JianduPrincipal me, long id, SessionCommand cmd) {
        TrainingSession old = managed(me, id);
        if (old.ended(clock.instant())) {
            throw Refusal.conflict("training.session.error.ended");
        }
        Checked c = check(me, cmd);
        jdbc.sql("""
                UPDATE training_session SET kind = :kind, title = :title, starts_at = :starts, ends_at = :ends,
                    place = :place, online = :online, organiser_id = :organiser, audience_types = :types,
                    exam_id = :exam, description = :descr, updated_at = :now WHERE id = :id""")
                .param("kind", cmd.kind().name()).param("title", c.title).param("starts", Db.ts(c.starts))
                .param("ends", Db.ts(c.ends)).param("place", c.place).param("online", c.online)
                .param("organiser", c.organiserId)
                .param("types", c.types.stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("exam", cmd.examId()).param("descr", blankToNull(cmd.description()))
                .param("now", Db.ts(clock.instant())).param("id", id).update();
        jdbc.sql("DELETE FROM training_audience_unit WHERE session_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM training_audience_user WHERE session_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM training_material WHERE session_id = :id").param("id", id).update();
        writeAudience(id, c);
        List<Long> before = ids("SELECT user_id FROM training_invitee WHERE session_id = :id", id);
        List<Long> added = syncInvitees(id, c.invitees);
        audit.record("training.session.update", "training_session", id, cn.jiandu.audit.Outcome.SUCCESS,
                c.title + " invitees=" + c.invitees.size());
        notifyInvited(added, id, c.title, c.starts, "training.notify.invited");
        if (!old.startsAt().equals(c.starts) || !old.endsAt().equals(c.ends)) {
            List<Long> kept = before.stream().filter(u -> !added.contains(u)).filter(this.keptIn(id)).toList();
            notifyInvited(kept, id, c.title, c.starts, "training.notify.changed");
        }
        return find(id).orElseThrow();
    }

    private java.util.function.Predicate<Long> keptIn(long id) {
        Set<Long> now = new java.util.HashSet<>(ids("SELECT user_id FROM training_invitee WHERE session_id = :id", id));
        return now::contains;
    }

    /** Cancels a session that has not started; one that started keeps its attendance (409). */
    @Transactional
    public void delete(JianduPrincipal me, long id) {
        TrainingSession s = managed(me, id);
        if (s.started(clock.instant())) {
            throw Refusal.conflict("training.session.error.started");
        }
        List<Long> invitees = ids("SELECT user_id FROM training_invitee WHERE session_id = :id", id);
        jdbc.sql("DELETE FROM training_session WHERE id = :id").param("id", id).update();
        audit.record("training.session.delete", "training_session", id, cn.jiandu.audit.Outcome.SUCCESS, s.title());
        if (!invitees.isEmpty()) {
            events.publishEvent(new NotificationRequested(invitees, "training.notify.cancelled",
                    List.of(s.title(), WHEN.format(s.startsAt())), null));
        }
    }

    private void requirePlanner(JianduPrincipal me) {
        if (!me.can(TrainingPermissions.PLAN)) {
            throw Refusal.forbidden();
        }
    }

    /** The command checked against the planner's scope, with the audience resolved to user ids. */
    private record Checked(String title, Instant starts, Instant ends, String place, boolean online,
            long organiserId, long ownerUnitId, Set<Role> types, List<Long> unitIds, List<Long> userIds,
            List<Long> fileIds, Set<Long> invitees) {
    }

    private Checked check(JianduPrincipal me, SessionCommand cmd) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        if (cmd.kind() == null) {
            errors.add(new Refusal.FieldError("kind", "training.session.error.kind"));
        }
        String title = cmd.title() == null ? "" : cmd.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            errors.add(new Refusal.FieldError("title", "training.session.error.title"));
        }
        if (cmd.startsAt() == null) {
            errors.add(new Refusal.FieldError("startsAt", "training.session.error.startsAt"));
        }
        if (cmd.endsAt() == null) {
            errors.add(new Refusal.FieldError("endsAt", "training.session.error.endsAt"));
        } else if (cmd.startsAt() != null && !cmd.endsAt().isAfter(cmd.startsAt())) {
            errors.add(new Refusal.FieldError("endsAt", "training.session.error.endsBeforeStart"));
        }
        String place = blankToNull(cmd.place());
        boolean online = Boolean.TRUE.equals(cmd.online());
        if (place != null && place.length() > 200) {
            errors.add(new Refusal.FieldError("place", "training.session.error.place"));
        }
        SessionCommand.Audience a = cmd.audienceOrEmpty();
        Set<Role> types = EnumSet.noneOf(Role.class);
        for (Role r : a.typesOrEmpty()) {
            if (r == null || !r.isSupervisor()) {
                errors.add(new Refusal.FieldError("audience.types", "training.session.error.type"));
                break;
            }
            types.add(r);
        }
        boolean branch = !me.isAdmin();
        List<Long> unitIds = new ArrayList<>(new LinkedHashSet<>(a.unitsOrEmpty()));
        for (Long u : unitIds) {
            if (u == null || org.find(u).isEmpty()) {
                errors.add(new Refusal.FieldError("audience.unitIds", "training.session.error.unit"));
                break;
            }
            if (branch && !org.isWithin(u, me.orgUnitId())) {
                errors.add(new Refusal.FieldError("audience.unitIds", "training.session.error.unitOutside"));
                break;
            }
        }
        List<Long> userIds = new ArrayList<>(new LinkedHashSet<>(a.usersOrEmpty()));
        for (Long u : userIds) {
            Optional<UserView> user = u == null ? Optional.empty() : users.find(u);
            if (user.isEmpty() || !user.get().enabled()) {
                errors.add(new Refusal.FieldError("audience.userIds", "training.session.error.user"));
                break;
            }
            if (branch && !org.isWithin(user.get().orgUnitId(), me.orgUnitId())) {
                errors.add(new Refusal.FieldError("audience.userIds", "training.session.error.userOutside"));
                break;
            }
        }
        long organiserId = cmd.organiserId() == null ? me.id() : cmd.organiserId();
        if (cmd.organiserId() != null && users.find(organiserId).filter(UserView::enabled).isEmpty()) {
            errors.add(new Refusal.FieldError("organiserId", "training.session.error.user"));
        }
        List<Long> fileIds = cmd.materialFileIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(cmd.materialFileIds().stream().filter(x -> x != null).toList()));
        if (types.isEmpty() && unitIds.isEmpty() && userIds.isEmpty() && !branch) {
            errors.add(new Refusal.FieldError("audience", "training.session.error.audience"));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalidFields(errors);
        }
        if (branch && unitIds.isEmpty()) {
            unitIds.add(me.orgUnitId()); // a branch secretary trains his own branch unless he names units
        }
        long owner = branch ? me.orgUnitId() : org.all().get(0).id();
        return new Checked(title, cmd.startsAt().toInstant(), cmd.endsAt().toInstant(), place, online, organiserId,
                owner, types, unitIds, userIds, fileIds, resolve(types, unitIds, userIds));
    }

    /** Supervisors of the types (within the units, if any); or everyone in the units; plus the people listed. */
    Set<Long> resolve(Set<Role> types, List<Long> unitIds, List<Long> userIds) {
        Set<Long> out = new LinkedHashSet<>();
        Set<Role> roles = types.isEmpty() ? (unitIds.isEmpty() ? Set.of() : EnumSet.allOf(Role.class)) : types;
        List<Set<Long>> subtrees = unitIds.stream().map(org::subtreeIds).toList();
        for (Role r : roles) {
            for (UserView u : users.withRole(r)) {
                if (subtrees.isEmpty() || subtrees.stream().anyMatch(t -> t.contains(u.orgUnitId()))) {
                    out.add(u.id());
                }
            }
        }
        out.addAll(userIds);
        return out;
    }

    private void writeAudience(long id, Checked c) {
        for (Long u : c.unitIds) {
            jdbc.sql("INSERT INTO training_audience_unit (session_id, unit_id) VALUES (:s, :u)").param("s", id)
                    .param("u", u).update();
        }
        for (Long u : c.userIds) {
            jdbc.sql("INSERT INTO training_audience_user (session_id, user_id) VALUES (:s, :u)").param("s", id)
                    .param("u", u).update();
        }
        int i = 0;
        for (Long f : c.fileIds) {
            jdbc.sql("INSERT INTO training_material (session_id, file_id, sort_order) VALUES (:s, :f, :o)")
                    .param("s", id).param("f", f).param("o", i++).update();
        }
    }

    /**
     * Makes the invitee rows match the audience: adds the new ones, drops those no longer in it who have recorded
     * nothing (someone who signed in, took leave or was added by hand stays). Returns the ids added.
     */
    private List<Long> syncInvitees(long id, Set<Long> audience) {
        Set<Long> existing = new java.util.HashSet<>(
                ids("SELECT user_id FROM training_invitee WHERE session_id = :id", id));
        List<Long> added = new ArrayList<>();
        for (Long u : audience) {
            if (!existing.contains(u)) {
                jdbc.sql("INSERT INTO training_invitee (session_id, user_id) VALUES (:s, :u)").param("s", id)
                        .param("u", u).update();
                added.add(u);
            }
        }
        for (Long u : existing) {
            if (!audience.contains(u)) {
                jdbc.sql("""
                        DELETE FROM training_invitee WHERE session_id = :s AND user_id = :u AND status IS NULL
                          AND added_by_hand = FALSE""").param("s", id).param("u", u).update();
            }
        }
        return added;
    }

    private void notifyInvited(List<Long> recipients, long id, String title, Instant starts, String key) {
        if (!recipients.isEmpty()) {
            events.publishEvent(new NotificationRequested(recipients, key, List.of(title, WHEN.format(starts)),
                    "/training/sessions/" + id));
        }
    }

    List<Long> ids(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).list();
    }

    static Set<Role> types(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).map(Role::valueOf).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(Role.class)));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
