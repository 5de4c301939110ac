package cn.jiandu.selection.domain;

import cn.jiandu.selection.NominationStatus;
import cn.jiandu.shared.security.Role;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Nominations and their timeline (optimistic locking on {@code version}). */
@Repository
public class NominationRepository {

    static final String COLUMNS = """
            n.id, n.number, n.candidate_id, n.type, n.scope_unit_id, n.scope_branch_id, n.nominator_id,
            n.meeting_date, n.present, n.votes_for, n.votes_against, n.abstentions, n.reason, n.minutes_blob_id,
            n.chain_version, n.status, n.current_step, n.max_step, n.owner_role, n.owner_unit_id, n.assignee_id,
            n.step_since, n.step_due_on, n.submitted_at, n.decided_at, n.appointment_id, n.version""";

    static final RowMapper<Nomination> MAPPER = NominationRepository::map;

    /** One entry of the timeline. */
    public record Event(long id, long nominationId, Instant at, Long actorId, String action, int step, Integer toStep,
            Long toUserId, String opinion, String overrideReasons) {
    }

    private final JdbcClient jdbc;

    NominationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Nomination> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM nomination n WHERE n.id = :id").param("id", id).query(MAPPER)
                .optional();
    }

    boolean openFor(long candidateId, Role type, long scopeUnitId) {
        return jdbc.sql("SELECT COUNT(*) FROM nomination WHERE candidate_id = :c AND type = :t AND scope_unit_id = :s"
                        + " AND status IN ('IN_REVIEW', 'RETURNED')")
                .param("c", candidateId).param("t", type.name()).param("s", scopeUnitId).query(Long.class)
                .single() > 0;
    }

    long insert(Nomination n) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO nomination (candidate_id, type, scope_unit_id, scope_branch_id, nominator_id, meeting_date,
                    present, votes_for, votes_against, abstentions, reason, minutes_blob_id, chain_version, status,
                    current_step, max_step, owner_role, owner_unit_id, assignee_id, step_since, step_due_on,
                    submitted_at)
                VALUES (:cand, :type, :scope, :branch, :nominator, :meeting, :present, :for, :against, :abst, :reason,
                    :minutes, :chain, :status, :step, :max, :ownerRole, :ownerUnit, :assignee, :since, :due,
                    :submitted)""")
                .param("cand", n.candidateId()).param("type", n.type().name()).param("scope", n.scopeUnitId())
                .param("branch", n.scopeBranchId()).param("nominator", n.nominatorId())
                .param("meeting", Date.valueOf(n.meetingDate())).param("present", n.present())
                .param("for", n.votesFor()).param("against", n.votesAgainst()).param("abst", n.abstentions())
                .param("reason", n.reason()).param("minutes", n.minutesBlobId()).param("chain", n.chainVersion())
                .param("status", n.status().name()).param("step", n.currentStep()).param("max", n.maxStep())
                .param("ownerRole", n.ownerRole() == null ? null : n.ownerRole().name())
                .param("ownerUnit", n.ownerUnitId()).param("assignee", n.assigneeId())
                .param("since", Timestamp.from(n.stepSince()))
                .param("due", n.stepDueOn() == null ? null : Date.valueOf(n.stepDueOn()))
                .param("submitted", Timestamp.from(n.submittedAt())).update(keys, "id");
        long id = keys.getKey().longValue();
        String number = String.format("JDTJ-%d-%06d", n.meetingDate().getYear(), id);
        jdbc.sql("UPDATE nomination SET number = :n WHERE id = :id").param("n", number).param("id", id).update();
        return id;
    }

    void update(Nomination n) {
        int updated = jdbc.sql("""
                UPDATE nomination SET status = :status, current_step = :step, max_step = :max, owner_role = :ownerRole,
                    owner_unit_id = :ownerUnit, assignee_id = :assignee, step_since = :since, step_due_on = :due,
                    decided_at = :decided, appointment_id = :appointment, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("status", n.status().name()).param("step", n.currentStep()).param("max", n.maxStep())
                .param("ownerRole", n.ownerRole() == null ? null : n.ownerRole().name())
                .param("ownerUnit", n.ownerUnitId()).param("assignee", n.assigneeId())
                .param("since", Timestamp.from(n.stepSince()))
                .param("due", n.stepDueOn() == null ? null : Date.valueOf(n.stepDueOn()))
                .param("decided", n.decidedAt() == null ? null : Timestamp.from(n.decidedAt()))
                .param("appointment", n.appointmentId()).param("id", n.id()).param("version", n.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("nomination " + n.id());
        }
    }

    void event(long nominationId, Instant at, Long actorId, String action, int step, Integer toStep, Long toUserId,
            String opinion, String overrideReasons) {
        jdbc.sql("""
                INSERT INTO nomination_event (nomination_id, occurred_at, actor_id, action, step, to_step, to_user_id,
                    opinion, override_reasons)
                VALUES (:n, :at, :actor, :action, :step, :to, :toUser, :opinion, :overrides)""")
                .param("n", nominationId).param("at", Timestamp.from(at)).param("actor", actorId)
                .param("action", action).param("step", step).param("to", toStep).param("toUser", toUserId)
                .param("opinion", opinion).param("overrides", overrideReasons).update();
    }

    List<Event> events(long nominationId) {
        return jdbc.sql("""
                SELECT id, nomination_id, occurred_at, actor_id, action, step, to_step, to_user_id, opinion,
                    override_reasons
                FROM nomination_event WHERE nomination_id = :n ORDER BY id""").param("n", nominationId)
                .query((rs, i) -> {
                    long actor = rs.getLong(4);
                    Long actorId = rs.wasNull() ? null : actor;
                    int to = rs.getInt(7);
                    Integer toStep = rs.wasNull() ? null : to;
                    long toUser = rs.getLong(8);
                    Long toUserId = rs.wasNull() ? null : toUser;
                    return new Event(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), actorId,
                            rs.getString(5), rs.getInt(6), toStep, toUserId, rs.getString(9), rs.getString(10));
                }).list();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Nomination map(ResultSet rs, int i) throws SQLException {
        String ownerRole = rs.getString("owner_role");
        Date due = rs.getDate("step_due_on");
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Nomination(rs.getLong("id"), rs.getString("number"), rs.getLong("candidate_id"),
                Role.valueOf(rs.getString("type")), rs.getLong("scope_unit_id"), nullableLong(rs, "scope_branch_id"),
                rs.getLong("nominator_id"), rs.getDate("meeting_date").toLocalDate(), rs.getInt("present"),
                rs.getInt("votes_for"), rs.getInt("votes_against"), rs.getInt("abstentions"), rs.getString("reason"),
                nullableLong(rs, "minutes_blob_id"), rs.getInt("chain_version"),
                NominationStatus.valueOf(rs.getString("status")), rs.getInt("current_step"), rs.getInt("max_step"),
                ownerRole == null ? null : Role.valueOf(ownerRole), nullableLong(rs, "owner_unit_id"),
                nullableLong(rs, "assignee_id"), rs.getTimestamp("step_since").toInstant(),
                due == null ? null : due.toLocalDate(), rs.getTimestamp("submitted_at").toInstant(),
                decided == null ? null : decided.toInstant(), nullableLong(rs, "appointment_id"),
                rs.getInt("version"));
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, cn.jiandu.shared.time.ClockConfig.ZONE);
    }
}
