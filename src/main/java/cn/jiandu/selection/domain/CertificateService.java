package cn.jiandu.selection.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.notification.NotificationRequested;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.selection.SelectionPermissions;
import cn.jiandu.selection.SelectionProperties;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 授证: a leader issues the certificates of appointments, alone or for a ceremony's batch (all or none); each carries
 * a signed code for its QR. Verification is public: genuine or not, and the appointment's status now.
 */
@Service
public class CertificateService {

    /** A stored certificate. */
    public record Certificate(long id, String number, long appointmentId, LocalDate ceremonyDate, String place,
            long issuerId, String issuerName, String code, Instant createdAt) {
    }

    /** The public answer: nothing personal beyond the masked name. */
    public record Verification(boolean valid, Appointment.Status status, Role type, String maskedName,
            String unitName, LocalDate termStart, LocalDate termEnd) {

        static Verification invalid() {
            return new Verification(false, null, null, null, null, null, null);
        }
    }

    private final JdbcClient jdbc;
    private final AppointmentRepository appointments;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CertificateKeys keys;

    CertificateService(JdbcClient jdbc, AppointmentRepository appointments, UserDirectory users, OrgDirectory org,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock, SelectionProperties properties,
            @Value("${jiandu.data-dir}") String dataDir) {
        this.jdbc = jdbc;
        this.appointments = appointments;
        this.users = users;
        this.org = org;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.keys = CertificateKeys.loadOrCreate(properties.keyDir() == null || properties.keyDir().isBlank()
                ? Path.of(dataDir, "keys") : Path.of(properties.keyDir()));
    }

    public CertificateKeys keys() {
        return keys;
    }

    private static final String COLUMNS = "id, number, appointment_id, ceremony_date, place, issuer_id, issuer_name,"
            + " code, created_at";

    private static Certificate map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Certificate(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getDate(4).toLocalDate(),
                rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant());
    }

    public Optional<Certificate> ofAppointment(long appointmentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM certificate WHERE appointment_id = :a").param("a", appointmentId)
                .query(CertificateService::map).optional();
    }

    Map<Long, Certificate> ofAppointments(Collection<Long> ids) {
        Map<Long, Certificate> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT " + COLUMNS + " FROM certificate WHERE appointment_id IN (:ids)").param("ids", ids)
                .query(CertificateService::map).list().forEach(c -> out.put(c.appointmentId(), c));
        return out;
    }

    /** Issues the certificates of {@code appointmentIds} (all or none): each in office and without one yet. */
    @Transactional
    public List<Certificate> issue(JianduPrincipal me, List<Long> appointmentIds, LocalDate ceremonyDate,
            String place) {
        return issue(me, appointmentIds, ceremonyDate, place, clock.instant());
    }

    @Transactional
    public List<Certificate> issue(JianduPrincipal me, List<Long> appointmentIds, LocalDate ceremonyDate, String place,
            Instant at) {
        if (!me.can(SelectionPermissions.CERTIFICATE_ISSUE)) {
            throw Refusal.forbidden();
        }
        if (appointmentIds == null || appointmentIds.isEmpty() || appointmentIds.size() > 500) {
            throw Refusal.invalidField("appointmentIds", "certificate.error.ids");
        }
        if (ceremonyDate == null || ceremonyDate.isAfter(LocalDate.ofInstant(at, clock.getZone()))) {
            throw Refusal.invalidField("ceremonyDate", "certificate.error.ceremonyDate");
        }
        if (place != null && place.length() > 200) {
            throw Refusal.invalidField("place", "nomination.error.tooLong");
        }
        List<Certificate> out = new ArrayList<>();
        for (long id : new LinkedHashSet<>(appointmentIds)) {
            Appointment a = appointments.lock(id).orElseThrow(
                    () -> Refusal.invalidField("appointmentIds", "certificate.error.unknown", id));
            if (a.status(LocalDate.ofInstant(at, clock.getZone())) != Appointment.Status.ACTIVE) {
                throw Refusal.conflict("certificate.error.notActive", a.number());
            }
            if (ofAppointment(id).isPresent()) {
                throw Refusal.conflict("certificate.error.exists", a.number());
            }
            String name = users.displayNames(List.of(a.userId())).getOrDefault(a.userId(), "?");
            String number = a.number().replace("JDPR-", "JDZS-");
            String code = CertificateToken.sign(new CertificateToken.Content(number, a.type(),
                    CertificateToken.mask(name), a.termStart(), a.termEnd()), keys);
            jdbc.sql("""
                    INSERT INTO certificate (number, appointment_id, ceremony_date, place, issuer_id, issuer_name, code,
                        created_at)
                    VALUES (:number, :a, :ceremony, :place, :issuer, :issuerName, :code, :at)""")
                    .param("number", number).param("a", id).param("ceremony", Date.valueOf(ceremonyDate))
                    .param("place", place == null || place.isBlank() ? null : place.strip()).param("issuer", me.id())
                    .param("issuerName", me.displayName()).param("code", code).param("at", Timestamp.from(at))
                    .update();
            Certificate c = ofAppointment(id).orElseThrow();
            out.add(c);
            audit.record("certificate.issue", "appointment", id, Outcome.SUCCESS, number + " " + ceremonyDate
                    + (place == null ? "" : " " + place));
            events.publishEvent(new NotificationRequested(List.of(a.userId()), "certificate.notify.issued",
                    List.of(number), "/appointments/" + id));
        }
        return out;
    }

    /** Genuine and known, with the appointment's status today; anything else is {@code valid=false}. */
    @Transactional(readOnly = true)
    public Verification verify(String code) {
        Optional<CertificateToken.Content> content = CertificateToken.verify(code, keys.publicKey());
        if (content.isEmpty()) {
            return Verification.invalid();
        }
        Optional<Certificate> stored = jdbc.sql("SELECT " + COLUMNS + " FROM certificate WHERE number = :n")
                .param("n", content.get().number()).query(CertificateService::map).optional();
        if (stored.isEmpty() || !stored.get().code().equals(code)) {
            return Verification.invalid();
        }
        Appointment a = appointments.find(stored.get().appointmentId()).orElse(null);
        if (a == null) {
            return Verification.invalid();
        }
        CertificateToken.Content c = content.get();
        return new Verification(true, a.status(LocalDate.now(clock)), c.type(), c.maskedName(),
                org.find(a.scopeUnitId()).map(OrgUnitView::name).orElse(null), c.termStart(), c.termEnd());
    }
}
