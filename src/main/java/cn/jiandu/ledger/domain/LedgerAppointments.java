package cn.jiandu.ledger.domain;

import cn.jiandu.selection.AppointmentView;
import cn.jiandu.shared.security.Role;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger's copy of the supervisor register. */
@Repository
class LedgerAppointments {

    record Row(long id, long userId, Role type, long unitId, LocalDate startsOn, LocalDate endsOn,
            LocalDate endedOn) {

        boolean activeOn(LocalDate day) {
            return !day.isBefore(startsOn) && !day.isAfter(endsOn) && (endedOn == null || day.isBefore(endedOn));
        }

        boolean overlaps(LocalDate from, LocalDate to) {
            LocalDate last = endedOn != null && endedOn.minusDays(1).isBefore(endsOn) ? endedOn.minusDays(1) : endsOn;
            return !startsOn.isAfter(to) && !last.isBefore(from);
        }
    }

    private final JdbcClient jdbc;

    LedgerAppointments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores or corrects an appointment; true when something changed. */
    boolean upsert(Row r) {
        Optional<Row> old = find(r.id());
        if (old.isPresent() && old.get().equals(r)) {
            return false;
        }
        // the listener and the start-up rebuild can meet on one appointment: insert if absent, then correct
        if (old.isEmpty() && jdbc.sql("""
                INSERT INTO ledger_appointment (id, user_id, type, unit_id, starts_on, ends_on, ended_on)
                VALUES (:id, :u, :t, :unit, :s, :e, :x) ON CONFLICT DO NOTHING""").params(params(r)).update() == 1) {
            return true;
        }
        jdbc.sql("""
                UPDATE ledger_appointment SET user_id = :u, type = :t, unit_id = :unit, starts_on = :s,
                ends_on = :e, ended_on = :x WHERE id = :id""").params(params(r)).update();
        return true;
    }

    void end(long id, LocalDate endedOn) {
        jdbc.sql("UPDATE ledger_appointment SET ended_on = :x WHERE id = :id").param("x", Date.valueOf(endedOn))
                .param("id", id).update();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("SELECT * FROM ledger_appointment WHERE id = :id").param("id", id)
                .query(LedgerAppointments::map).optional();
    }

    List<Row> ofUser(long userId) {
        return jdbc.sql("SELECT * FROM ledger_appointment WHERE user_id = :u ORDER BY id").param("u", userId)
                .query(LedgerAppointments::map).list();
    }

    List<Row> all() {
        return jdbc.sql("SELECT * FROM ledger_appointment ORDER BY id").query(LedgerAppointments::map).list();
    }

    static Row of(AppointmentView a) {
        return new Row(a.id(), a.userId(), a.type(), a.scopeUnitId(), a.startsOn(), a.endsOn(), a.endedOn());
    }

    private static java.util.Map<String, Object> params(Row r) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", r.id());
        p.put("u", r.userId());
        p.put("t", r.type().name());
        p.put("unit", r.unitId());
        p.put("s", Date.valueOf(r.startsOn()));
        p.put("e", Date.valueOf(r.endsOn()));
        p.put("x", r.endedOn() == null ? null : Date.valueOf(r.endedOn()));
        return p;
    }

    static Row map(ResultSet rs, int n) throws SQLException {
        Date x = rs.getDate("ended_on");
        return new Row(rs.getLong("id"), rs.getLong("user_id"), Role.valueOf(rs.getString("type")),
                rs.getLong("unit_id"), rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
                x == null ? null : x.toLocalDate());
    }
}
