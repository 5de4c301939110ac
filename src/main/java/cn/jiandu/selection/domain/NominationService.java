package cn.jiandu.selection.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.calendar.WorkingCalendar;
import cn.jiandu.files.FilePolicy;
import cn.jiandu.files.FileStore;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.notification.NotificationRequested;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitType;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.selection.AppointmentOrigin;
import cn.jiandu.selection.NominationAction;
import cn.jiandu.selection.NominationStatus;
import cn.jiandu.selection.SelectionPermissions;
import cn.jiandu.selection.SelectionProperties;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.Upload;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nominating and moving a nomination through the chain: the transitions come from {@link NominationMachine}, the
 * owners from the chain version the nomination started with, the criteria from {@link Eligibility}. Approval at the
 * last step appoints the candidate ({@link AppointmentService#appoint}).
 */
@Service
public class NominationService {

    /** A nomination as submitted (type as text so that an unknown one is a 400 naming the field). */
    public record SubmitCommand(Long candidateId, String type, Long scopeUnitId, LocalDate meetingDate, Integer present,
            Integer votesFor, Integer votesAgainst, Integer abstentions, String reason,
            Map<String, String> overrideReasons) {
    }

    /** An action at a step. */
    public record ActionCommand(NominationAction action, String opinion, Integer toStep, Long toUserId,
            Map<String, String> overrideReasons) {
    }

    /** One item of a batch approval. */
    public record BatchOutcome(long id, String outcome, String problemKey, Object[] problemArgs) {
    }

    private final NominationRepository nominations;
    private final ChainRepository chains;
    private final ProfileService profiles;
    private final AppointmentService appointmentService;
    private final AppointmentRepository appointments;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final WorkingCalendar calendar;
    private final FileStore files;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final SelectionProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    NominationService(NominationRepository nominations, ChainRepository chains, ProfileService profiles,
            AppointmentService appointmentService, AppointmentRepository appointments, UserDirectory users,
            OrgDirectory org, WorkingCalendar calendar, FileStore files, AuditTrail audit,
            ApplicationEventPublisher events, SelectionProperties properties, TransactionTemplate tx, Clock clock) {
        this.nominations = nominations;
        this.chains = chains;
        this.profiles = profiles;
        this.appointmentService = appointmentService;
        this.appointments = appointments;
        this.users = users;
        this.org = org;
        this.calendar = calendar;
        this.files = files;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    // ---- owners -----------------------------------------------------------------------------------------------

    /** The party branch at or above the unit (owner of 支部研究), null when none. */
    Long branchOf(long unitId) {
        OrgUnitView at = org.find(unitId).orElse(null);
        while (at != null) {
            if (at.type() == OrgUnitType.PARTY_BRANCH) {
                return at.id();
            }
            at = at.parentId() == null ? null : org.find(at.parentId()).orElse(null);
        }
        return null;
    }

    /** The role and unit that own {@code step} for this nomination (unit null: every holder of the role). */
    record Owner(Role role, Long unitId) {

        boolean includes(long userId, Set<Role> roles, long orgUnitId) {
            return roles.contains(role) && (unitId == null || unitId == orgUnitId);
        }
    }

    static Owner ownerOf(ChainStep step, Long scopeBranchId) {
        if (step.ownerIsScopeBranch()) {
            return scopeBranchId == null ? new Owner(Role.ADMIN, null) : new Owner(step.ownerRole(), scopeBranchId);
        }
        return new Owner(step.ownerRole(), step.ownerUnitId());
    }

    boolean ownsCurrent(Nomination n, long userId, Set<Role> roles, long unitId) {
        if (n.assigneeId() != null) {
            return n.assigneeId() == userId;
        }
        return n.ownerRole() != null && roles.contains(n.ownerRole())
                && (n.ownerUnitId() == null || n.ownerUnitId() == unitId);
    }

    boolean ownsStep(Nomination n, ChainStep step, long userId, Set<Role> roles, long unitId) {
        if (step.position() == 1) {
            return n.nominatorId() == userId;
        }
        return ownerOf(step, n.scopeBranchId()).includes(userId, roles, unitId);
    }

    /** Nominator, office, leaders, owners of a reached step, the assignee, the candidate once decided. */
    boolean mayRead(JianduPrincipal me, Nomination n, List<ChainStep> steps) {
        if (me.can(SelectionPermissions.NOMINATION_READ_ALL) || n.nominatorId() == me.id()
                || (n.assigneeId() != null && n.assigneeId() == me.id())
                || (n.candidateId() == me.id() && n.status().finished())) {
            return true;
        }
        return steps.stream().filter(s -> s.position() >= 2 && s.position() <= n.maxStep())
                .anyMatch(s -> ownsStep(n, s, me.id(), me.roles(), me.orgUnitId()));
    }

    Nomination readable(JianduPrincipal me, long id) {
        Nomination n = nominations.find(id).orElseThrow(Refusal::notFound);
        if (!mayRead(me, n, chains.steps(n.chainVersion()))) {
            throw Refusal.notFound();
        }
        return n;
    }

    private List<Long> ownerIds(Owner o) {
        List<UserView> people = o.unitId() == null ? users.withRole(o.role()) : users.inUnitWithRole(o.unitId(), o.role());
        return people.stream().map(UserView::id).toList();
    }

    // ---- eligibility ------------------------------------------------------------------------------------------

    List<Eligibility.Result> eligibility(long candidateId, long scopeUnitId, int year) {
        UserView candidate = users.find(candidateId).orElse(null);
        OrgUnitView candidateUnit = candidate == null ? null : org.find(candidate.orgUnitId()).orElse(null);
        return Eligibility.evaluate(profiles.of(candidateId).orElse(null), candidateUnit,
                org.find(scopeUnitId).orElse(null), year, properties.minFrontlineYears());
    }

    // ---- submit -----------------------------------------------------------------------------------------------

    private static final FilePolicy MINUTES = new FilePolicy(
            Set.of(cn.jiandu.files.FileKind.PDF, cn.jiandu.files.FileKind.OOXML, cn.jiandu.files.FileKind.LEGACY_OFFICE,
                    cn.jiandu.files.FileKind.WPS, cn.jiandu.files.FileKind.JPEG, cn.jiandu.files.FileKind.PNG),
            20L * 1024 * 1024);

    public Nomination submit(JianduPrincipal me, SubmitCommand c, Upload minutes) {
        return submit(me, c, minutes, clock.instant());
    }

    /** Submits at {@code at} (the demo data replays the source's history). */
    public Nomination submit(JianduPrincipal me, SubmitCommand c, Upload minutes, Instant at) {
        if (!me.can(SelectionPermissions.NOMINATE)) {
            throw Refusal.forbidden();
        }
        Role type = parseType(c.type());
        List<Refusal.FieldError> errors = new ArrayList<>();
        UserView candidate = c.candidateId() == null ? null : users.find(c.candidateId()).orElse(null);
        if (candidate == null || !candidate.enabled()) {
            errors.add(new Refusal.FieldError("candidateId", "nomination.error.candidate"));
        }
        OrgUnitView scope = c.scopeUnitId() == null ? null : org.find(c.scopeUnitId()).orElse(null);
        if (scope == null || !scope.enabled()) {
            errors.add(new Refusal.FieldError("scopeUnitId", "nomination.error.unit"));
        } else if (scope.type() != scopeTypeOf(type)) {
            errors.add(new Refusal.FieldError("scopeUnitId", "nomination.error.unitType"));
        } else if (!me.isAdmin() && !org.find(me.orgUnitId()).map(mine -> mine.contains(scope)).orElse(false)) {
            errors.add(new Refusal.FieldError("scopeUnitId", "nomination.error.outsideSubtree"));
        }
        LocalDate today = NominationRepository.day(at);
        if (c.meetingDate() == null || c.meetingDate().isAfter(today)) {
            errors.add(new Refusal.FieldError("meetingDate", "nomination.error.meetingDate"));
        }
        if (c.present() == null || c.present() < 1) {
            errors.add(new Refusal.FieldError("present", "nomination.error.present"));
        }
        if (c.votesFor() == null || c.votesAgainst() == null || c.abstentions() == null || c.votesFor() < 0
                || c.votesAgainst() < 0 || c.abstentions() < 0) {
            errors.add(new Refusal.FieldError("votesFor", "nomination.error.votesNegative"));
        } else if (c.present() != null && c.votesFor() + c.votesAgainst() + c.abstentions() > c.present()) {
            errors.add(new Refusal.FieldError("votesFor", "nomination.error.votesExceed", c.present()));
        }
        if (c.reason() == null || c.reason().isBlank()) {
            errors.add(new Refusal.FieldError("reason", "error.required"));
        } else if (c.reason().length() > 2000) {
            errors.add(new Refusal.FieldError("reason", "nomination.error.tooLong"));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalidFields(errors);
        }
        List<Eligibility.Result> checks = eligibility(candidate.id(), scope.id(), c.meetingDate().getYear());
        Eligibility.requireReasons(checks, c.overrideReasons());
        return tx.execute(status -> {
            if (appointments.hasOpen(candidate.id(), type, scope.id())
                    || nominations.openFor(candidate.id(), type, scope.id())) {
                throw Refusal.conflict("nomination.error.duplicate");
            }
            int version = chains.currentVersion().orElseThrow(() -> Refusal.conflict("nomination.error.noChain"));
            List<ChainStep> steps = chains.steps(version);
            Long minutesBlob = minutes == null || minutes.isEmpty() ? null
                    : files.store(minutes.open(), MINUTES).id();
            Long branch = branchOf(scope.id());
            ChainStep second = steps.get(1);
            Owner owner = ownerOf(second, branch);
            Nomination draft = new Nomination(0, null, candidate.id(), type, scope.id(), branch, me.id(),
                    c.meetingDate(), c.present(), c.votesFor(), c.votesAgainst(), c.abstentions(), c.reason().strip(),
                    minutesBlob, version, NominationStatus.IN_REVIEW, 2, 2, owner.role(), owner.unitId(), null, at,
                    calendar.plusWorkingDays(today, second.deadlineWorkingDays()), at, null, null, 0);
            long id = nominations.insert(draft);
            nominations.event(id, at, me.id(), "SUBMIT", 1, 2, null, c.reason().strip(),
                    overridesText(checks, c.overrideReasons()));
            Nomination n = nominations.find(id).orElseThrow();
            audit.record("nomination.submit", "nomination", id, Outcome.SUCCESS,
                    n.number() + " " + type + " candidate " + candidate.username() + " unit " + scope.name());
            notifyOwners(n, owner, "nomination.notify.waiting");
            return n;
        });
    }

    private static Role parseType(String type) {
        try {
            Role r = type == null ? null : Role.valueOf(type);
            if (r != null && r.isSupervisor()) {
                return r;
            }
        } catch (IllegalArgumentException ignored) {
            // fall through
        }
        throw Refusal.invalidField("type", "appointment.error.type");
    }

    static OrgUnitType scopeTypeOf(Role type) {
        return switch (type) {
            case BRANCH_INSPECTOR -> OrgUnitType.PARTY_BRANCH;
            case TEAM_SUPERVISOR -> OrgUnitType.TEAM;
            case GRID_SUPERVISOR -> OrgUnitType.GRID;
            default -> throw Refusal.invalidField("type", "appointment.error.type");
        };
    }

    private static String overridesText(List<Eligibility.Result> checks, Map<String, String> reasons) {
        List<Eligibility.Check> failed = Eligibility.failed(checks);
        if (failed.isEmpty() || reasons == null) {
            return null;
        }
        Map<String, String> kept = new TreeMap<>();
        for (Eligibility.Check c : failed) {
            kept.put(c.name(), reasons.get(c.name()).strip());
        }
        return kept.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().replace('\n', ' '))
                .collect(Collectors.joining("\n"));
    }

    // ---- act --------------------------------------------------------------------------------------------------

    @Transactional
    public Nomination act(JianduPrincipal me, long id, ActionCommand c) {
        return act(me, id, c, clock.instant());
    }

    @Transactional
    public Nomination act(JianduPrincipal me, long id, ActionCommand c, Instant at) {
        if (c == null || c.action() == null) {
            throw Refusal.invalidField("action", "error.required");
        }
        Nomination n = readable(me, id);
        List<ChainStep> steps = chains.steps(n.chainVersion());
        boolean ownsCurrent = ownsCurrent(n, me.id(), me.roles(), me.orgUnitId());
        boolean ownsAnother = steps.stream().filter(s -> s.position() != n.currentStep())
                .anyMatch(s -> ownsStep(n, s, me.id(), me.roles(), me.orgUnitId()));
        NominationMachine.Next next = NominationMachine.apply(
                new NominationMachine.State(n.status(), n.currentStep(), steps.size()), c.action(),
                new NominationMachine.Caller(ownsCurrent, ownsAnother, n.nominatorId() == me.id()), c.toStep());
        ChainStep current = steps.get(n.currentStep() - 1);
        String opinion = c.opinion() == null || c.opinion().isBlank() ? null : c.opinion().strip();
        if (opinion != null && opinion.length() > 2000) {
            throw Refusal.invalidField("opinion", "nomination.error.tooLong");
        }
        String overrides = null;
        LocalDate day = NominationRepository.day(at);
        Nomination updated;
        switch (next.effect()) {
            case ADVANCE -> {
                if (current.opinionRequired() && opinion == null) {
                    throw Refusal.invalidField("opinion", "nomination.error.opinionRequired");
                }
                List<Eligibility.Result> checks = eligibility(n.candidateId(), n.scopeUnitId(),
                        n.meetingDate().getYear());
                Eligibility.requireReasons(checks, c.overrideReasons());
                overrides = overridesText(checks, c.overrideReasons());
                if (next.status() == NominationStatus.APPROVED) {
                    Appointment a = appointmentService.appoint(n.candidateId(), n.type(), n.scopeUnitId(), day, null,
                            AppointmentOrigin.SELECTED, n.id());
                    updated = with(n, NominationStatus.APPROVED, n.currentStep(), n.maxStep(), null, null, null, at,
                            null, at, a.id());
                    nominations.update(updated);
                } else {
                    updated = enter(n, steps, next.step(), NominationStatus.IN_REVIEW, at);
                }
            }
            case BACK -> {
                if (opinion == null) {
                    throw Refusal.invalidField("opinion", "nomination.error.reasonRequired");
                }
                updated = enter(n, steps, next.step(), next.status(), at);
            }
            case REJECT -> {
                if (opinion == null) {
                    throw Refusal.invalidField("opinion", "nomination.error.reasonRequired");
                }
                updated = with(n, NominationStatus.REJECTED, n.currentStep(), n.maxStep(), null, null, null, at, null,
                        at, null);
                nominations.update(updated);
            }
            case HANDOVER -> {
                UserView to = c.toUserId() == null ? null : users.find(c.toUserId()).orElse(null);
                Owner owner = n.currentStep() == 1 ? null : ownerOf(current, n.scopeBranchId());
                if (to == null || to.id() == me.id() || !to.enabled() || owner == null
                        || !owner.includes(to.id(), to.roles(), to.orgUnitId())) {
                    throw Refusal.invalidField("toUserId", "nomination.error.handoverTarget");
                }
                updated = with(n, n.status(), n.currentStep(), n.maxStep(), n.ownerRole(), n.ownerUnitId(), to.id(),
                        n.stepSince(), n.stepDueOn(), null, null);
                nominations.update(updated);
                events.publishEvent(new NotificationRequested(List.of(to.id()), "nomination.notify.handedOver",
                        List.of(n.number(), me.displayName()), "/nominations/" + n.id()));
            }
            case WITHDRAW -> {
                updated = with(n, NominationStatus.WITHDRAWN, n.currentStep(), n.maxStep(), null, null, null, at, null,
                        at, null);
                nominations.update(updated);
            }
            default -> throw new IllegalStateException();
        }
        String action = n.status() == NominationStatus.RETURNED && c.action() == NominationAction.APPROVE
                ? "RESUBMIT" : c.action().name();
        nominations.event(n.id(), at, me.id(), action, n.currentStep(),
                next.effect() == NominationMachine.Effect.ADVANCE || next.effect() == NominationMachine.Effect.BACK
                        ? Integer.valueOf(next.step()) : null,
                c.action() == NominationAction.HANDOVER ? c.toUserId() : null, opinion, overrides);
        audit.record("nomination." + action.toLowerCase(java.util.Locale.ROOT), "nomination", n.id(), Outcome.SUCCESS,
                n.number() + " step " + n.currentStep() + " -> " + next.status() + "/" + next.step()
                        + (opinion == null ? "" : ": " + opinion));
        Nomination after = nominations.find(id).orElseThrow();
        if (after.status().finished()) {
            events.publishEvent(new NotificationRequested(List.of(n.nominatorId()),
                    "nomination.notify." + after.status(), List.of(n.number()), "/nominations/" + n.id()));
        }
        return after;
    }

    /** Moves to {@code step} (RETURNED: back to the nominator) and tells its owners. */
    private Nomination enter(Nomination n, List<ChainStep> steps, int step, NominationStatus status, Instant at) {
        ChainStep s = steps.get(step - 1);
        LocalDate due = calendar.plusWorkingDays(NominationRepository.day(at), s.deadlineWorkingDays());
        Nomination updated;
        if (step == 1) {
            updated = with(n, status, 1, n.maxStep(), null, null, n.nominatorId(), at, due, null, null);
            nominations.update(updated);
            events.publishEvent(new NotificationRequested(List.of(n.nominatorId()), "nomination.notify.returned",
                    List.of(n.number()), "/nominations/" + n.id()));
        } else {
            Owner owner = ownerOf(s, n.scopeBranchId());
            updated = with(n, status, step, Math.max(n.maxStep(), step), owner.role(), owner.unitId(), null, at, due,
                    null, null);
            nominations.update(updated);
            notifyOwners(updated, owner, "nomination.notify.waiting");
        }
        return updated;
    }

    private void notifyOwners(Nomination n, Owner owner, String key) {
        List<Long> ids = ownerIds(owner);
        if (!ids.isEmpty()) {
            events.publishEvent(new NotificationRequested(ids, key, List.of(n.number()), "/nominations/" + n.id()));
        }
    }

    private static Nomination with(Nomination n, NominationStatus status, int step, int maxStep, Role ownerRole,
            Long ownerUnit, Long assignee, Instant since, LocalDate due, Instant decided, Long appointmentId) {
        return new Nomination(n.id(), n.number(), n.candidateId(), n.type(), n.scopeUnitId(), n.scopeBranchId(),
                n.nominatorId(), n.meetingDate(), n.present(), n.votesFor(), n.votesAgainst(), n.abstentions(),
                n.reason(), n.minutesBlobId(), n.chainVersion(), status, step, maxStep, ownerRole, ownerUnit, assignee,
                since, due, n.submittedAt(), decided, appointmentId == null ? n.appointmentId() : appointmentId,
                n.version());
    }

    /** Approves each on its own (its own transaction) with one opinion; the others go on when one is refused. */
    public List<BatchOutcome> batchApprove(JianduPrincipal me, List<Long> ids, String opinion) {
        if (ids == null || ids.isEmpty()) {
            throw Refusal.invalidField("ids", "error.required");
        }
        if (ids.size() > 100) {
            throw Refusal.invalidField("ids", "nomination.error.batchTooLarge", 100);
        }
        List<BatchOutcome> out = new ArrayList<>();
        for (long id : new LinkedHashSet<>(ids)) {
            try {
                tx.executeWithoutResult(s -> act(me, id,
                        new ActionCommand(NominationAction.APPROVE, opinion, null, null, null)));
                out.add(new BatchOutcome(id, "APPROVED", null, null));
            } catch (Refusal r) {
                out.add(new BatchOutcome(id, r.kind().name(), r.fieldErrors().isEmpty() ? r.messageKey()
                        : r.fieldErrors().get(0).messageKey(), r.args()));
            }
        }
        return out;
    }

    /** The colleagues {@code me} may hand the nomination to (same role and office), none if he does not own it. */
    public record Colleagues(List<UserView> users) {
    }

    @Transactional(readOnly = true)
    public Colleagues colleagues(JianduPrincipal me, long id) {
        Nomination n = readable(me, id);
        if (n.status().finished() || n.currentStep() == 1 || !ownsCurrent(n, me.id(), me.roles(), me.orgUnitId())) {
            return new Colleagues(List.of());
        }
        ChainStep current = chains.steps(n.chainVersion()).get(n.currentStep() - 1);
        Owner owner = ownerOf(current, n.scopeBranchId());
        List<UserView> people = owner.unitId() == null ? users.withRole(owner.role())
                : users.inUnitWithRole(owner.unitId(), owner.role());
        return new Colleagues(people.stream().filter(u -> u.id() != me.id()).toList());
    }
}
