package cn.jiandu.problem.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.problem.CloseReason;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.Rating;
import cn.jiandu.shared.time.ClockConfig;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Loads and saves the report aggregate and appends its timeline steps (optimistic locking on {@code version}). */
@Repository
public class ProblemRepository {

    static final String COLUMNS = """
            p.id, p.number, p.title, p.description, p.location, p.category_code, p.org_unit_id, p.reporter_id,
            p.anonymous, p.status, p.handling_unit_id, p.deadline_days, p.created_at, p.dispatched_at, p.accepted_at,
            p.due_at, p.replied_at, p.closed_at, p.close_reason, p.rating, p.rating_comment, p.reopen_count,
            p.extension_requests, p.dissatisfied_count, p.urge_count, p.pending_extension_days, p.transfer_proposed_at, p.version""";

    static final RowMapper<Problem> MAPPER = ProblemRepository::map;

    private final JdbcClient jdbc;
    private final ProblemTally tally;
    private final ProblemNumbers numbers;

    ProblemRepository(JdbcClient jdbc, ProblemTally tally, ProblemNumbers numbers) {
        this.jdbc = jdbc;
        this.tally = tally;
        this.numbers = numbers;
    }

    public Optional<Problem> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM problem p WHERE p.id = :id").param("id", id).query(MAPPER)
                .optional();
    }

    /** Inserts a new report, gives it its number (JD-yyyy-nnnnnn) and writes its pending steps. */
    public Problem insert(Problem p) {
        insertUnnumbered(p);
        assignNumber(p);
        return p;
    }

    /** Gives an inserted report its official number; late in the transaction (see {@link ProblemNumbers}). */
    public void assignNumber(Problem p) {
        p.number = numbers.next(p.createdAt);
        jdbc.sql("UPDATE problem SET number = :number WHERE id = :id").param("number", p.number).param("id", p.id)
                .update();
    }

    /** Inserts a new report without its number yet and writes its pending steps. */
    public Problem insertUnnumbered(Problem p) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO problem (title, description, location, category_code, org_unit_id, reporter_id, anonymous,
                    status, created_at)
                VALUES (:title, :description, :location, :category, :org, :reporter, :anonymous, :status, :created)""")
                .param("title", p.title).param("description", p.description).param("location", p.location)
                .param("category", p.categoryCode).param("org", p.orgUnitId).param("reporter", p.reporterId)
                .param("anonymous", p.anonymous).param("status", p.status.name()).param("created", ts(p.createdAt))
                .update(keys, "id");
        p.id = keys.getKey().longValue();
        write(p, null);
        return p;
    }

    /** Writes the aggregate's state and appends its new steps; returns the ids of those steps. */
    public List<Long> save(Problem p) {
        return write(p, counted(p));
    }

    /** What the stored row (at the version the aggregate was loaded with) contributes to the dashboard's tally. */
    private ProblemTally.Contribution counted(Problem p) {
        return jdbc.sql("SELECT " + ProblemTally.Contribution.COLUMNS
                        + " FROM problem p WHERE p.id = :id AND p.version = :version")
                .param("id", p.id).param("version", p.version)
                .query((rs, n) -> ProblemTally.Contribution.ofRow(rs))
                .optional().orElse(null);
    }

    private List<Long> write(Problem p, ProblemTally.Contribution before) {
        int updated = jdbc.sql("""
                UPDATE problem SET status = :status, handling_unit_id = :unit, deadline_days = :days,
                    dispatched_at = :dispatched, accepted_at = :accepted, due_at = :due, replied_at = :replied,
                    closed_at = :closed, close_reason = :reason, rating = :rating, rating_comment = :ratingComment,
                    reopen_count = :reopens, extension_requests = :extensions, dissatisfied_count = :dissatisfied,
                    urge_count = :urges, pending_extension_days = :pending, transfer_proposed_at = :transferProposed,
                    version = version + 1
                WHERE id = :id AND version = :version""")
                .param("status", p.status.name()).param("unit", p.handlingUnitId).param("days", p.deadlineDays)
                .param("dispatched", ts(p.dispatchedAt)).param("accepted", ts(p.acceptedAt)).param("due", ts(p.dueAt))
                .param("replied", ts(p.repliedAt)).param("closed", ts(p.closedAt))
                .param("reason", p.closeReason == null ? null : p.closeReason.name())
                .param("rating", p.rating == null ? null : p.rating.name()).param("ratingComment", p.ratingComment)
                .param("reopens", p.reopenCount).param("extensions", p.extensionRequests)
                .param("dissatisfied", p.dissatisfiedCount).param("urges", p.urgeCount)
                .param("pending", p.pendingExtensionDays).param("transferProposed", ts(p.transferProposedAt))
                .param("id", p.id).param("version", p.version)
                .update();
        if (updated != 1) {
            throw Refusal.conflict("problem.error.concurrentChange");
        }
        p.version++;
        tally.moved(before, ProblemTally.Contribution.of(p));
        return p.drainSteps().stream().map(s -> insertStep(p.id, s)).toList();
    }

    long insertStep(long problemId, Step s) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO problem_step (problem_id, action, actor_id, side, comment, handling_unit_id, occurred_at)
                VALUES (:problem, :action, :actor, :side, :comment, :unit, :at)""")
                .param("problem", problemId).param("action", s.action()).param("actor", s.actorId())
                .param("side", s.side().name()).param("comment", s.comment()).param("unit", s.handlingUnitId())
                .param("at", ts(s.occurredAt())).update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<Step> steps(long problemId) {
        return jdbc.sql("""
                SELECT id, problem_id, action, actor_id, side, comment, handling_unit_id, occurred_at
                FROM problem_step WHERE problem_id = :id ORDER BY id""").param("id", problemId)
                .query((rs, n) -> new Step(rs.getLong("id"), rs.getLong("problem_id"), rs.getString("action"),
                        longOrNull(rs, "actor_id"), Actor.Side.valueOf(rs.getString("side")), rs.getString("comment"),
                        longOrNull(rs, "handling_unit_id"), instant(rs, "occurred_at")))
                .list();
    }

    /** Replied reports whose rating period is over. */
    public List<Long> repliedBefore(Instant cutoff) {
        return jdbc.sql("SELECT id FROM problem WHERE status = 'REPLIED' AND replied_at < :cutoff ORDER BY id")
                .param("cutoff", ts(cutoff)).query(Long.class).list();
    }

    static Problem map(ResultSet rs, int n) throws SQLException {
        Problem p = new Problem();
        p.id = rs.getLong("id");
        p.number = rs.getString("number");
        p.title = rs.getString("title");
        p.description = rs.getString("description");
        p.location = rs.getString("location");
        p.categoryCode = rs.getString("category_code");
        p.orgUnitId = rs.getLong("org_unit_id");
        p.reporterId = rs.getLong("reporter_id");
        p.anonymous = rs.getBoolean("anonymous");
        p.status = ProblemStatus.valueOf(rs.getString("status"));
        p.handlingUnitId = longOrNull(rs, "handling_unit_id");
        p.deadlineDays = (Integer) rs.getObject("deadline_days", Integer.class);
        p.createdAt = instant(rs, "created_at");
        p.dispatchedAt = instant(rs, "dispatched_at");
        p.acceptedAt = instant(rs, "accepted_at");
        p.dueAt = instant(rs, "due_at");
        p.repliedAt = instant(rs, "replied_at");
        p.closedAt = instant(rs, "closed_at");
        String reason = rs.getString("close_reason");
        p.closeReason = reason == null ? null : CloseReason.valueOf(reason);
        String rating = rs.getString("rating");
        p.rating = rating == null ? null : Rating.valueOf(rating);
        p.ratingComment = rs.getString("rating_comment");
        p.reopenCount = rs.getInt("reopen_count");
        p.extensionRequests = rs.getInt("extension_requests");
        p.dissatisfiedCount = rs.getInt("dissatisfied_count");
        p.urgeCount = rs.getInt("urge_count");
        p.pendingExtensionDays = rs.getObject("pending_extension_days", Integer.class);
        p.transferProposedAt = instant(rs, "transfer_proposed_at");
        p.version = rs.getInt("version");
        return p;
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
