package cn.jiandu.assessment.domain;

import cn.jiandu.assessment.Grade;
import cn.jiandu.assessment.RunStatus;
import cn.jiandu.org.OrgSql;
import cn.jiandu.shared.security.Role;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class RunRepository {

    /** A stored result: the breakdown is the JSON of {@link Breakdown}. */
    record ResultRow(long runId, long appointmentId, long userId, long unitId, BigDecimal total, Grade grade,
            String breakdown) {
    }

    record EntryRow(long appointmentId, String indicatorCode, BigDecimal score, String reason, long enteredBy,
            Instant enteredAt) {
    }

    private final JdbcClient jdbc;

    RunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Scheme scheme, String period, LocalDate from, LocalDate to, int version, Long supersedes, Long by,
            Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO assessment_run (scheme_id, type, period, period_from, period_to, status, version,
                    supersedes, started_by, started_at, computed_at)
                VALUES (:s, :t, :p, :f, :to, 'DRAFT', :v, :sup, :by, :now, :now)""")
                .param("s", scheme.id()).param("t", scheme.definition().type().name()).param("p", period)
                .param("f", Date.valueOf(from)).param("to", Date.valueOf(to)).param("v", version)
                .param("sup", supersedes).param("by", by).param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Run> find(long id) {
        return jdbc.sql("SELECT * FROM assessment_run WHERE id = :id").param("id", id).query(RunRepository::map)
                .optional();
    }

    /** The live (not superseded) run of a type and period, if any. */
    Optional<Run> live(Role type, String period) {
        return jdbc.sql("""
                SELECT * FROM assessment_run WHERE type = :t AND period = :p AND status <> 'SUPERSEDED'
                ORDER BY version DESC FETCH FIRST 1 ROWS ONLY""").param("t", type.name()).param("p", period)
                .query(RunRepository::map).optional();
    }

    List<Run> all() {
        return jdbc.sql("SELECT * FROM assessment_run ORDER BY id DESC").query(RunRepository::map).list();
    }

    void setStatus(long id, RunStatus status, String comment, Instant now) {
        String col = switch (status) {
            case SUBMITTED -> "submitted_at";
            case PUBLISHED -> "published_at";
            default -> "computed_at";
        };
        jdbc.sql("UPDATE assessment_run SET status = :s, comment = :c, " + col + " = :now WHERE id = :id")
                .param("s", status.name()).param("c", comment).param("now", Timestamp.from(now)).param("id", id)
                .update();
    }

    void published(long id, Long by, LocalDate deadline) {
        jdbc.sql("UPDATE assessment_run SET published_by = :b, objection_deadline = :d WHERE id = :id")
                .param("b", by).param("d", Date.valueOf(deadline)).param("id", id).update();
    }

    void computed(long id, Instant now) {
        jdbc.sql("UPDATE assessment_run SET computed_at = :now WHERE id = :id").param("now", Timestamp.from(now))
                .param("id", id).update();
    }

    void replaceResults(long runId, List<ResultRow> rows) {
        jdbc.sql("DELETE FROM assessment_result WHERE run_id = :r").param("r", runId).update();
        for (ResultRow r : rows) {
            jdbc.sql("""
                    INSERT INTO assessment_result (run_id, appointment_id, user_id, unit_id, total, grade, breakdown)
                    VALUES (:r, :a, :u, :unit, :t, :g, :b)""")
                    .param("r", runId).param("a", r.appointmentId()).param("u", r.userId()).param("unit", r.unitId())
                    .param("t", r.total()).param("g", r.grade().name()).param("b", r.breakdown()).update();
        }
    }

    List<ResultRow> results(long runId) {
        return jdbc.sql("SELECT * FROM assessment_result WHERE run_id = :r ORDER BY appointment_id")
                .param("r", runId).query(RunRepository::mapResult).list();
    }

    /** A page of results (by appointment id) limited to a scope: all, a user's own, or a unit subtree. */
    List<ResultRow> results(long runId, long afterId, int limit, boolean all, Long userId, String path) {
        return jdbc.sql("""
                SELECT * FROM assessment_result r WHERE r.run_id = :r AND r.appointment_id > :after
                  AND (:all = TRUE OR r.user_id = :me OR (CAST(:path AS VARCHAR(1000)) IS NOT NULL AND r.unit_id IN
                      (""" + OrgSql.subtreeAtPath(":path") + """
                )))
                ORDER BY r.appointment_id FETCH FIRST :lim ROWS ONLY""")
                .param("r", runId).param("after", afterId).param("all", all).param("me", userId)
                .param("path", path).param("lim", limit).query(RunRepository::mapResult).list();
    }

    Optional<ResultRow> result(long runId, long appointmentId) {
        return jdbc.sql("SELECT * FROM assessment_result WHERE run_id = :r AND appointment_id = :a")
                .param("r", runId).param("a", appointmentId).query(RunRepository::mapResult).optional();
    }

    Map<Long, Map<String, Scoring.Entry>> entries(long runId) {
        Map<Long, Map<String, Scoring.Entry>> m = new HashMap<>();
        jdbc.sql("SELECT * FROM assessment_entry WHERE run_id = :r").param("r", runId).query((rs, n) -> {
            m.computeIfAbsent(rs.getLong("appointment_id"), k -> new HashMap<>()).put(rs.getString("indicator_code"),
                    new Scoring.Entry(rs.getBigDecimal("score"), rs.getString("reason")));
            return null;
        }).list();
        return m;
    }

    Optional<Scoring.Entry> entry(long runId, long appointmentId, String code) {
        return Optional.ofNullable(entries(runId).getOrDefault(appointmentId, Map.of()).get(code));
    }

    void putEntry(long runId, long appointmentId, String code, BigDecimal score, String reason, long by,
            Instant now) {
        jdbc.sql("DELETE FROM assessment_entry WHERE run_id = :r AND appointment_id = :a AND indicator_code = :c")
                .param("r", runId).param("a", appointmentId).param("c", code).update();
        jdbc.sql("""
                INSERT INTO assessment_entry (run_id, appointment_id, indicator_code, score, reason, entered_by,
                    entered_at) VALUES (:r, :a, :c, :s, :why, :by, :now)""")
                .param("r", runId).param("a", appointmentId).param("c", code).param("s", score).param("why", reason)
                .param("by", by).param("now", Timestamp.from(now)).update();
    }

    void copyEntries(long fromRun, long toRun) {
        jdbc.sql("""
                INSERT INTO assessment_entry (run_id, appointment_id, indicator_code, score, reason, entered_by,
                    entered_at)
                SELECT :to, appointment_id, indicator_code, score, reason, entered_by, entered_at
                FROM assessment_entry WHERE run_id = :from""").param("to", toRun).param("from", fromRun).update();
    }

    boolean objectionExists(long runId, long appointmentId) {
        return jdbc.sql("SELECT COUNT(*) FROM assessment_objection WHERE run_id = :r AND appointment_id = :a")
                .param("r", runId).param("a", appointmentId).query(Long.class).single() > 0;
    }

    long insertObjection(long runId, long appointmentId, String text, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO assessment_objection (run_id, appointment_id, text, raised_at)
                VALUES (:r, :a, :t, :now)""").param("r", runId).param("a", appointmentId).param("t", text)
                .param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The objection of a result, if raised: text, raised at, answer. */
    Optional<Map<String, Object>> objection(long runId, long appointmentId) {
        return jdbc.sql("SELECT * FROM assessment_objection WHERE run_id = :r AND appointment_id = :a")
                .param("r", runId).param("a", appointmentId).query().listOfRows().stream().findFirst();
    }

    private static Run map(ResultSet rs, int n) throws SQLException {
        Date dl = rs.getDate("objection_deadline");
        long sup = rs.getLong("supersedes");
        Long supersedes = rs.wasNull() ? null : sup;
        long pb = rs.getLong("published_by");
        Long publishedBy = rs.wasNull() ? null : pb;
        return new Run(rs.getLong("id"), rs.getLong("scheme_id"), Role.valueOf(rs.getString("type")),
                rs.getString("period"), rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(),
                RunStatus.valueOf(rs.getString("status")), rs.getInt("version"), supersedes, instant(rs, "started_at"),
                instant(rs, "computed_at"), instant(rs, "submitted_at"), instant(rs, "published_at"), publishedBy,
                rs.getString("comment"), dl == null ? null : dl.toLocalDate());
    }

    private static ResultRow mapResult(ResultSet rs, int n) throws SQLException {
        return new ResultRow(rs.getLong("run_id"), rs.getLong("appointment_id"), rs.getLong("user_id"),
                rs.getLong("unit_id"), rs.getBigDecimal("total"), Grade.valueOf(rs.getString("grade")),
                rs.getString("breakdown"));
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
