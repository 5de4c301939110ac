package cn.jiandu.ledger.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.ledger.LedgerEntry;
import cn.jiandu.ledger.LedgerPeriod;
import cn.jiandu.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's findings (指出问题) and rectification suggestions (整改建议) per supervisor and period, and the
 * supervisor's acknowledgement. Visibility is the ledger's: whoever may read the appointment may read its findings.
 */
@Service
public class LedgerFindings {

    public record Finding(long id, long appointmentId, String period, String finding, String suggestion,
            long recordedBy, Instant recordedAt, Instant acknowledgedAt) {
    }

    private static final int MAX = 2000;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    LedgerFindings(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Finding> of(long appointmentId) {
        return jdbc.sql("SELECT * FROM ledger_finding WHERE appointment_id = :a ORDER BY id DESC")
                .param("a", appointmentId).query(LedgerFindings::map).list();
    }

    /** Every finding on the given person's own appointments, newest first. */
    public List<Finding> ofUser(long userId) {
        return jdbc.sql("""
                SELECT f.* FROM ledger_finding f JOIN ledger_appointment a ON a.id = f.appointment_id
                WHERE a.user_id = :u ORDER BY f.id DESC""").param("u", userId).query(LedgerFindings::map).list();
    }

    /** The unacknowledged findings of the given person's appointments, newest first (his home page). */
    public List<Finding> openFor(long userId) {
        return jdbc.sql("""
                SELECT f.* FROM ledger_finding f JOIN ledger_appointment a ON a.id = f.appointment_id
                WHERE a.user_id = :u AND f.acknowledged_at IS NULL ORDER BY f.id DESC""")
                .param("u", userId).query(LedgerFindings::map).list();
    }

    @Transactional
    public Finding record(LedgerEntry a, String period, String finding, String suggestion, long by) {
        if (period == null || period.isBlank()) {
            throw Refusal.invalidField("period", "ledger.error.findingPeriod");
        }
        String code = LedgerPeriod.parse(period, "period").code();
        if (finding == null || finding.isBlank() || finding.length() > MAX) {
            throw Refusal.invalidField("finding", "ledger.error.findingText");
        }
        if (suggestion != null && suggestion.length() > MAX) {
            throw Refusal.invalidField("suggestion", "ledger.error.findingText");
        }
        Instant now = clock.instant();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ledger_finding (appointment_id, period, finding, suggestion, recorded_by, recorded_at)
                VALUES (:a, :p, :f, :s, :by, :at)""").param("a", a.appointmentId()).param("p", code)
                .param("f", finding.strip()).param("s", suggestion == null || suggestion.isBlank() ? null
                        : suggestion.strip())
                .param("by", by).param("at", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .update(keys, "id");
        long id = ((Number) keys.getKeys().get(keys.getKeys().containsKey("id") ? "id" : "ID")).longValue();
        audit.record("ledger.finding.record", "ledger_finding", id);
        return find(a.appointmentId(), id);
    }

    /** The supervisor acknowledges a finding on his own appointment; acknowledging twice keeps the first time. */
    @Transactional
    public Finding acknowledge(LedgerEntry a, long findingId, long me) {
        Finding f = find(a.appointmentId(), findingId);
        if (a.userId() != me) {
            throw Refusal.forbidden("ledger.error.notYourFinding");
        }
        if (f.acknowledgedAt() == null) {
            jdbc.sql("UPDATE ledger_finding SET acknowledged_at = :at WHERE id = :id AND acknowledged_at IS NULL")
                    .param("at", OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
                    .param("id", findingId).update();
            audit.record("ledger.finding.acknowledge", "ledger_finding", findingId);
        }
        return find(a.appointmentId(), findingId);
    }

    private Finding find(long appointmentId, long id) {
        return jdbc.sql("SELECT * FROM ledger_finding WHERE id = :id AND appointment_id = :a").param("id", id)
                .param("a", appointmentId).query(LedgerFindings::map).optional().orElseThrow(Refusal::notFound);
    }

    private static Finding map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        OffsetDateTime ack = rs.getObject("acknowledged_at", OffsetDateTime.class);
        return new Finding(rs.getLong("id"), rs.getLong("appointment_id"), rs.getString("period"),
                rs.getString("finding"), rs.getString("suggestion"), rs.getLong("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), ack == null ? null : ack.toInstant());
    }
}
