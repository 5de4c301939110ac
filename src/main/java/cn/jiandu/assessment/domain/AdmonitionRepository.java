package cn.jiandu.assessment.domain;

import cn.jiandu.assessment.AdmonitionStatus;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AdmonitionRepository {

    private final JdbcClient jdbc;

    AdmonitionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens one for the appointment and period unless one exists (a correction run repeats the 不合格). */
    boolean openIfAbsent(long runId, long appointmentId, long userId, long unitId, String period, Instant now) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM assessment_admonition WHERE appointment_id = :a AND period = :p")
                .param("a", appointmentId).param("p", period).query(Long.class).single() > 0;
        if (exists) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO assessment_admonition (run_id, appointment_id, user_id, unit_id, period, status,
                    created_at, updated_at) VALUES (:r, :a, :u, :unit, :p, 'OPEN', :now, :now)""")
                .param("r", runId).param("a", appointmentId).param("u", userId).param("unit", unitId)
                .param("p", period).param("now", Timestamp.from(now)).update();
        return true;
    }

    Optional<Admonition> find(long id) {
        return jdbc.sql("SELECT * FROM assessment_admonition WHERE id = :id").param("id", id)
                .query(AdmonitionRepository::map).optional();
    }

    /** Newest first, limited to the viewer: everyone's ({@code all}) or his own. */
    List<Admonition> list(AdmonitionStatus status, boolean all, long me, long beforeId, int limit) {
        return jdbc.sql("""
                SELECT * FROM assessment_admonition
                WHERE id < :before AND (CAST(:s AS VARCHAR(20)) IS NULL OR status = :s)
                  AND (:all = TRUE OR user_id = :me)
                ORDER BY id DESC FETCH FIRST :lim ROWS ONLY""")
                .param("before", beforeId).param("s", status == null ? null : status.name()).param("all", all)
                .param("me", me).param("lim", limit).query(AdmonitionRepository::map).list();
    }

    List<Admonition> ofRun(long runId) {
        return jdbc.sql("SELECT * FROM assessment_admonition WHERE run_id = :r ORDER BY id").param("r", runId)
                .query(AdmonitionRepository::map).list();
    }

    void save(Admonition a, Instant now) {
        jdbc.sql("""
                UPDATE assessment_admonition SET status = :s, scheduled_on = :sched, held_on = :held,
                    summary = :sum, follow_up = :fu, follow_up_checked_on = :chk, follow_up_check = :note,
                    updated_at = :now WHERE id = :id""")
                .param("s", a.status().name()).param("sched", date(a.scheduledOn())).param("held", date(a.heldOn()))
                .param("sum", a.summary()).param("fu", a.followUp()).param("chk", date(a.followUpCheckedOn()))
                .param("note", a.followUpCheck()).param("now", Timestamp.from(now)).param("id", a.id()).update();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static LocalDate local(ResultSet rs, String col) throws SQLException {
        Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }

    private static Admonition map(ResultSet rs, int n) throws SQLException {
        return new Admonition(rs.getLong("id"), rs.getLong("run_id"), rs.getLong("appointment_id"),
                rs.getLong("user_id"), rs.getLong("unit_id"), rs.getString("period"),
                AdmonitionStatus.valueOf(rs.getString("status")), local(rs, "scheduled_on"), local(rs, "held_on"),
                rs.getString("summary"), rs.getString("follow_up"), local(rs, "follow_up_checked_on"),
                rs.getString("follow_up_check"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
