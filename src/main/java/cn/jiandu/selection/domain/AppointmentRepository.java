package cn.jiandu.selection.domain;

import cn.jiandu.selection.AppointmentEnded.EndReason;
import cn.jiandu.selection.AppointmentOrigin;
import cn.jiandu.shared.security.Role;
import java.sql.Date;
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

/** The appointment table and the yearly running number of JDPR-yyyy-nnnn. */
@Repository
public class AppointmentRepository {

    static final String COLUMNS = """
            a.id, a.number, a.user_id, a.type, a.scope_unit_id, a.term_start, a.term_end, a.ended_on, a.end_reason,
            a.end_note, a.origin, a.nomination_id, a.term_confirmed, a.created_at, a.version""";

    static final RowMapper<Appointment> MAPPER = AppointmentRepository::map;

    private final JdbcClient jdbc;

    AppointmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Appointment> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment a WHERE a.id = :id").param("id", id).query(MAPPER)
                .optional();
    }

    /** The row, locked for the rest of the transaction (ending and completing it are serialised). */
    Optional<Appointment> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment a WHERE a.id = :id FOR UPDATE").param("id", id)
                .query(MAPPER).optional();
    }

    public List<Appointment> ofUser(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment a WHERE a.user_id = :user"
                        + " ORDER BY a.term_start DESC, a.id DESC")
                .param("user", userId).query(MAPPER).list();
    }

    public List<Appointment> activeOn(LocalDate day) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment a WHERE a.term_start <= :day AND a.term_end >= :day"
                        + " AND (a.ended_on IS NULL OR a.ended_on > :day) ORDER BY a.id")
                .param("day", Date.valueOf(day)).query(MAPPER).list();
    }

    public List<Appointment> overlapping(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment a WHERE a.term_start <= :to AND a.term_end >= :from"
                        + " AND (a.ended_on IS NULL OR (a.ended_on > :from AND a.ended_on > a.term_start))"
                        + " ORDER BY a.id")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query(MAPPER).list();
    }

    /** Not ended, of this person, type and scope (the term may have run out without the daily job yet). */
    boolean hasOpen(long userId, Role type, long scopeUnitId) {
        return jdbc.sql("SELECT COUNT(*) FROM appointment WHERE user_id = :user AND type = :type"
                        + " AND scope_unit_id = :scope AND ended_on IS NULL")
                .param("user", userId).param("type", type.name()).param("scope", scopeUnitId)
                .query(Long.class).single() > 0;
    }

    /** In office on {@code day} with this type over any scope, other than {@code exceptId}. */
    boolean holdsTypeOtherThan(long userId, Role type, long exceptId, LocalDate day) {
        return jdbc.sql("SELECT COUNT(*) FROM appointment WHERE user_id = :user AND type = :type AND id <> :id"
                        + " AND ended_on IS NULL AND term_start <= :day AND term_end >= :day")
                .param("user", userId).param("type", type.name()).param("id", exceptId)
                .param("day", Date.valueOf(day)).query(Long.class).single() > 0;
    }

    /** Ids of the appointments not yet ended whose last day lies before {@code today}. */
    List<Long> termOver(LocalDate today) {
        return jdbc.sql("SELECT id FROM appointment WHERE ended_on IS NULL AND term_end < :today ORDER BY id")
                .param("today", Date.valueOf(today)).query(Long.class).list();
    }

    /** Users holding an open appointment of this type. */
    List<Long> openHolders(Role type) {
        return jdbc.sql("SELECT DISTINCT user_id FROM appointment WHERE type = :type AND ended_on IS NULL")
                .param("type", type.name()).query(Long.class).list();
    }

    Appointment insert(long userId, Role type, long scopeUnitId, LocalDate termStart, LocalDate termEnd,
            AppointmentOrigin origin, Long nominationId, boolean termConfirmed, Instant now) {
        String number = nextNumber(termStart.getYear());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO appointment (number, user_id, type, scope_unit_id, term_start, term_end, origin,
                    nomination_id, term_confirmed, created_at)
                VALUES (:number, :user, :type, :scope, :start, :end, :origin, :nomination, :confirmed, :created)""")
                .param("number", number).param("user", userId).param("type", type.name())
                .param("scope", scopeUnitId).param("start", Date.valueOf(termStart))
                .param("end", Date.valueOf(termEnd)).param("origin", origin.name())
                .param("nomination", nominationId).param("confirmed", termConfirmed)
                .param("created", Timestamp.from(now)).update(keys, "id");
        return find(keys.getKey().longValue()).orElseThrow();
    }

    void end(Appointment a, LocalDate endedOn, EndReason reason, String note, Long endedBy) {
        int n = jdbc.sql("""
                UPDATE appointment SET ended_on = :ended, end_reason = :reason, end_note = :note, ended_by = :by,
                    version = version + 1
                WHERE id = :id AND version = :version AND ended_on IS NULL""")
                .param("ended", Date.valueOf(endedOn)).param("reason", reason.name()).param("note", note)
                .param("by", endedBy).param("id", a.id()).param("version", a.version()).update();
        if (n != 1) {
            throw new org.springframework.dao.OptimisticLockingFailureException("appointment " + a.id());
        }
    }

    void updateTerm(Appointment a, LocalDate start, LocalDate end) {
        int n = jdbc.sql("""
                UPDATE appointment SET term_start = :start, term_end = :end, term_confirmed = TRUE,
                    version = version + 1
                WHERE id = :id AND version = :version""")
                .param("start", Date.valueOf(start)).param("end", Date.valueOf(end)).param("id", a.id())
                .param("version", a.version()).update();
        if (n != 1) {
            throw new org.springframework.dao.OptimisticLockingFailureException("appointment " + a.id());
        }
    }

    /**
     * JDPR-yyyy-nnnn: the year's counter, incremented under its row lock. The year's row is created on its first
     * appointment (two first appointments of a year at the same instant: one fails on the key and may be retried).
     */
    String nextNumber(int year) {
        jdbc.sql("""
                INSERT INTO appointment_number (number_year, last_value)
                SELECT :year, 0 FROM (VALUES (1)) AS one (x)
                WHERE NOT EXISTS (SELECT 1 FROM appointment_number WHERE number_year = :year)""")
                .param("year", year).update();
        jdbc.sql("UPDATE appointment_number SET last_value = last_value + 1 WHERE number_year = :year").param("year", year)
                .update();
        int value = jdbc.sql("SELECT last_value FROM appointment_number WHERE number_year = :year").param("year", year)
                .query(Integer.class).single();
        return format(year, value);
    }

    static String format(int year, int value) {
        return String.format("JDPR-%d-%04d", year, value);
    }

    private static Appointment map(ResultSet rs, int n) throws SQLException {
        Date ended = rs.getDate("ended_on");
        String reason = rs.getString("end_reason");
        long nomination = rs.getLong("nomination_id");
        Long nominationId = rs.wasNull() ? null : nomination;
        return new Appointment(rs.getLong("id"), rs.getString("number"), rs.getLong("user_id"),
                Role.valueOf(rs.getString("type")), rs.getLong("scope_unit_id"), rs.getDate("term_start").toLocalDate(),
                rs.getDate("term_end").toLocalDate(), ended == null ? null : ended.toLocalDate(),
                reason == null ? null : EndReason.valueOf(reason), rs.getString("end_note"),
                AppointmentOrigin.valueOf(rs.getString("origin")), nominationId, rs.getBoolean("term_confirmed"),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
    }
}
