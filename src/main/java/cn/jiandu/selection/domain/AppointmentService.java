package cn.jiandu.selection.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.identity.RoleAssignments;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.notification.NotificationRequested;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.selection.AppointmentEnded;
import cn.jiandu.selection.AppointmentEnded.EndReason;
import cn.jiandu.selection.AppointmentOrigin;
import cn.jiandu.selection.AppointmentStarted;
import cn.jiandu.selection.SelectionProperties;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appointing and ending: the one place that writes appointments, gives and takes the supervisor role and publishes
 * {@link AppointmentStarted} / {@link AppointmentEnded}. The role follows the appointments: granted when one starts,
 * revoked when one ends unless another appointment of the same type still holds it.
 */
@Service
public class AppointmentService {

    private static final Logger log = LoggerFactory.getLogger(AppointmentService.class);

    private final AppointmentRepository appointments;
    private final RoleAssignments roles;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final SelectionProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;

    AppointmentService(AppointmentRepository appointments, RoleAssignments roles, UserDirectory users,
            OrgDirectory org, AuditTrail audit, ApplicationEventPublisher events, SelectionProperties properties,
            Clock clock, TransactionTemplate tx) {
        this.tx = tx;
        this.appointments = appointments;
        this.roles = roles;
        this.users = users;
        this.org = org;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Appoints a person: stores the appointment with its number, gives him the role of the type and publishes
     * {@link AppointmentStarted}. A second open appointment of the same person, type and scope is refused (409).
     *
     * @param termEnd null for the default term of the type
     */
    @Transactional
    public Appointment appoint(long userId, Role type, long scopeUnitId, LocalDate termStart, LocalDate termEnd,
            AppointmentOrigin origin, Long nominationId) {
        if (!type.isSupervisor()) {
            throw Refusal.invalidField("type", "appointment.error.type");
        }
        UserView person = users.find(userId).orElseThrow(() -> Refusal.invalidField("userId", "appointment.error.user"));
        org.find(scopeUnitId).orElseThrow(() -> Refusal.invalidField("scopeUnitId", "appointment.error.unit"));
        LocalDate end = termEnd != null ? termEnd : properties.termEnd(type, termStart);
        if (end.isBefore(termStart)) {
            throw Refusal.invalidField("termEnd", "appointment.error.termEnd");
        }
        if (appointments.hasOpen(userId, type, scopeUnitId)) {
            throw Refusal.conflict("appointment.error.duplicate");
        }
        Appointment a = appointments.insert(userId, type, scopeUnitId, termStart, end, origin, nominationId,
                origin != AppointmentOrigin.IMPORTED, clock.instant());
        if (a.status(today()) == Appointment.Status.ACTIVE) {
            roles.grant(userId, type, "appointment " + a.number());
        }
        audit.record("appointment.start", "appointment", a.id(), Outcome.SUCCESS,
                a.number() + " " + type + " " + person.username() + " unit " + scopeUnitId + " " + termStart + ".."
                        + end + " " + origin);
        events.publishEvent(new AppointmentStarted(a.id(), userId, type, scopeUnitId, termStart, end, origin));
        if (origin == AppointmentOrigin.SELECTED) {
            events.publishEvent(new NotificationRequested(List.of(userId), "appointment.notify.appointed",
                    List.of(a.number()), "/appointments/" + a.id()));
        }
        return a;
    }

    /**
     * Ends an appointment early (免职/解聘/辞任) from {@code endDate} on, or by term. An ended appointment is
     * refused (409). The role goes unless another appointment of that type holds it.
     */
    @Transactional
    public Appointment end(long id, EndReason reason, String note, LocalDate endDate, Long endedBy) {
        Appointment a = appointments.lock(id).orElseThrow(Refusal::notFound);
        LocalDate endedOn = reason == EndReason.TERM_OVER ? a.termEnd().plusDays(1) : endDate;
        LocalDate today = today();
        a.checkEnd(reason, endedOn, today);
        if (reason != EndReason.TERM_OVER && (note == null || note.isBlank())) {
            throw Refusal.invalidField("reason", "appointment.error.reasonRequired");
        }
        appointments.end(a, endedOn, reason, note == null ? null : note.strip(), endedBy);
        boolean revoked = false;
        if (!endedOn.isAfter(today) && !appointments.holdsTypeOtherThan(a.userId(), a.type(), a.id(), today)) {
            revoked = roles.revoke(a.userId(), a.type(), "appointment " + a.number() + " ended " + reason);
        }
        audit.record("appointment.end", "appointment", a.id(), Outcome.SUCCESS,
                a.number() + " " + reason + " from " + endedOn + (revoked ? " role revoked" : "")
                        + (note == null ? "" : ": " + note));
        events.publishEvent(new AppointmentEnded(a.id(), a.userId(), a.type(), endedOn, reason));
        events.publishEvent(new NotificationRequested(List.of(a.userId()), "appointment.notify.ended." + reason,
                List.of(a.number()), "/appointments/" + a.id()));
        return appointments.find(id).orElseThrow();
    }

    /** The office completes an imported appointment: its real term. */
    @Transactional
    public Appointment completeTerm(long id, LocalDate start, LocalDate end) {
        Appointment a = appointments.lock(id).orElseThrow(Refusal::notFound);
        if (a.ended()) {
            throw Refusal.conflict("appointment.error.alreadyEnded");
        }
        if (end == null) {
            end = properties.termEnd(a.type(), start);
        }
        if (end.isBefore(start)) {
            throw Refusal.invalidField("termEnd", "appointment.error.termEnd");
        }
        appointments.updateTerm(a, start, end);
        audit.record("appointment.term", "appointment", a.id(), Outcome.SUCCESS, a.number() + " " + start + ".." + end);
        return appointments.find(id).orElseThrow();
    }

    /**
     * Ends every appointment whose term is over (the daily job); each on its own, so one failure does not stop the
     * rest. Returns how many ended.
     */
    public int endTermsOver() {
        int ended = 0;
        for (long id : appointments.termOver(today())) {
            try {
                tx.executeWithoutResult(status -> end(id, EndReason.TERM_OVER, null, null, null));
                ended++;
            } catch (RuntimeException e) {
                log.warn("appointment {}: ending by term failed", id, e);
            }
        }
        return ended;
    }

    /**
     * Gives the role to whoever is in office today without it (an appointment whose term began after it was made,
     * or a role an admin took away by hand). Returns how many roles were given.
     */
    public int grantRolesInOffice() {
        int granted = 0;
        for (Appointment a : appointments.activeOn(today())) {
            if (tx.execute(status -> roles.grant(a.userId(), a.type(), "appointment " + a.number() + " in office"))) {
                granted++;
            }
        }
        return granted;
    }

    /**
     * Item 8 of the issue: people who hold a supervisor role without an open appointment of that type (they had
     * it before this module, or an admin ticked it) are taken into the register as IMPORTED appointments over
     * their own unit, from today for the default term, which the office may then correct.
     */
    @Transactional
    public int importRoleHolders() {
        int imported = 0;
        LocalDate today = today();
        for (Role type : List.of(Role.BRANCH_INSPECTOR, Role.TEAM_SUPERVISOR, Role.GRID_SUPERVISOR)) {
            Set<Long> held = new HashSet<>(appointments.openHolders(type));
            List<UserView> missing = new ArrayList<>();
            for (UserView u : users.withRole(type)) {
                if (!held.contains(u.id())) {
                    missing.add(u);
                }
            }
            for (UserView u : missing) {
                appoint(u.id(), type, u.orgUnitId(), today, null, AppointmentOrigin.IMPORTED, null);
                imported++;
            }
        }
        if (imported > 0) {
            log.info("selection: {} supervisor role holders taken into the register as imported appointments",
                    imported);
        }
        return imported;
    }

}
