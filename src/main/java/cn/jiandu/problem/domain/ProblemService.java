package cn.jiandu.problem.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.calendar.WorkingCalendar;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.problem.ProblemAction;
import cn.jiandu.problem.ProblemClosed;
import cn.jiandu.problem.ProblemProperties;
import cn.jiandu.problem.ProblemReported;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.Rating;
import cn.jiandu.shared.security.JianduPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import cn.jiandu.shared.Upload;

/** The write side: submit, act, rate. Each call is one transaction: photos, rows, steps and audit together. */
@Service
@Transactional
public class ProblemService {

    private final ProblemRepository problems;
    private final ProblemQueries queries;
    private final CategoryRepository categories;
    private final DispatchRuleRepository rules;
    private final PhotoService photos;
    private final OrgDirectory org;
    private final UserDirectory users;
    private final WorkingCalendar calendar;
    private final AuditTrail audit;
    private final Notifier notifier;
    private final ApplicationEventPublisher events;
    private final ProblemProperties props;
    private final Clock clock;
    private final ReportPositions positions;

    ProblemService(ProblemRepository problems, ProblemQueries queries, CategoryRepository categories,
            DispatchRuleRepository rules, PhotoService photos, OrgDirectory org, UserDirectory users,
            WorkingCalendar calendar, AuditTrail audit, Notifier notifier, ApplicationEventPublisher events,
            ProblemProperties props, Clock clock, ReportPositions positions) {
        this.positions = positions;
        this.problems = problems;
        this.queries = queries;
        this.categories = categories;
        this.rules = rules;
        this.photos = photos;
        this.org = org;
        this.users = users;
        this.calendar = calendar;
        this.audit = audit;
        this.notifier = notifier;
        this.events = events;
        this.props = props;
        this.clock = clock;
    }

    /** 随手拍: validates, stores the report and its photos, and dispatches it by the winning rule if any. */
    public Problem submit(JianduPrincipal me, SubmitCommand cmd, List<Upload> photoFiles) {
        String title = text(cmd.title(), "title", 200, true);
        String description = text(cmd.description(), "description", 4000, true);
        String location = text(cmd.location(), "location", 200, false);
        if (cmd.categoryCode() == null || categories.find(cmd.categoryCode()).isEmpty()) {
            throw Refusal.invalidField("categoryCode", "problem.error.unknownCategory");
        }
        long unitId = cmd.orgUnitId() == null ? me.orgUnitId() : cmd.orgUnitId();
        OrgUnitView unit = org.find(unitId)
                .orElseThrow(() -> Refusal.invalidField("orgUnitId", "problem.error.unknownOrgUnit"));
        boolean anonymous = Boolean.TRUE.equals(cmd.anonymous());
        if (anonymous && !props.anonymousAllowed()) {
            throw Refusal.invalidField("anonymous", "problem.error.anonymousNotAllowed");
        }
        Position position = Position.checked(cmd.position());
        photos.checkCount(photoFiles);
        Instant now = clock.instant();
        Problem p = problems.insertUnnumbered(Problem.submit(title, description, location, cmd.categoryCode(),
                unit.id(), me.id(), anonymous, now));
        positions.store(p.id(), position);
        photos.attach(p.id(), null, photoFiles);
        // numbered only once the photos passed: a refusal rolls the number back, no gap in the official numbers
        problems.assignNumber(p);
        audit.record("problem.submit", "problem", p.id(), Outcome.SUCCESS, p.number());
        Optional<DispatchRule> rule = Dispatcher.choose(rules.all(), p.categoryCode(), unit.path(),
                title + " " + description, id -> org.find(id).map(OrgUnitView::path).orElse(null));
        if (rule.isPresent()) {
            DispatchRule r = rule.get();
            p.dispatch(r.handlingUnitId(), r.deadlineWorkingDays(),
                    calendar.deadlineAfter(now, r.deadlineWorkingDays()), Actor.SYSTEM, r.name(), now);
            problems.save(p);
            audit.record("problem.autoDispatch", "problem", p.id(), Outcome.SUCCESS, "rule " + r.id());
            notifier.unit(p.handlingUnitId(), "problem.notify.dispatched", p);
        } else {
            notifier.admins("problem.notify.unmatched", p);
        }
        events.publishEvent(new ProblemReported(p.id(), p.number(), anonymous ? null : me.id(), p.orgUnitId(),
                p.categoryCode()));
        return p;
    }

    /** One action: 404 if the caller may not read it, 403 if he may read but not act, 409 if the state refuses. */
    public Problem act(JianduPrincipal me, long id, ActionCommand cmd, List<Upload> evidence) {
        if (cmd.action() == null) {
            throw Refusal.invalidField("action", "error.required");
        }
        Problem p = queries.visible(me, id);
        ProblemAction action = cmd.action();
        if (!Permissions.mayAct(me, p, action)) {
            throw Refusal.forbidden();
        }
        Actor actor = Permissions.actor(me, p, action);
        Instant now = clock.instant();
        Long unitBefore = p.handlingUnitId();
        boolean transferProposed = p.transferProposedAt() != null;
        switch (action) {
            case DISPATCH -> {
                long unit = handlingUnit(cmd);
                int days = days(cmd);
                p.dispatch(unit, days, calendar.deadlineAfter(now, days), actor, cmd.comment(), now);
            }
            case REDISPATCH -> {
                long unit = handlingUnit(cmd);
                int days = days(cmd);
                p.redispatch(unit, days, calendar.deadlineAfter(now, days), actor, cmd.comment(), now);
            }
            case RETURN -> p.returnToAdmin(actor, cmd.comment(), now);
            case ACCEPT -> p.accept(actor, now);
            case NOTE -> p.note(actor, cmd.comment(), now);
            case REPLY -> {
                photos.checkCount(evidence);
                p.reply(actor, cmd.comment(), now);
            }
            case REQUEST_EXTENSION -> {
                if (cmd.days() == null) {
                    throw Refusal.invalidField("days", "error.required");
                }
                p.requestExtension(actor, cmd.days(), cmd.comment(), now);
            }
            case APPROVE_EXTENSION -> {
                if (p.status() == ProblemStatus.IN_PROGRESS && p.pendingExtensionDays() != null) {
                    p.approveExtension(actor, extendedDue(p.dueAt(), p.pendingExtensionDays(), now),
                            cmd.comment(), now);
                } else {
                    p.approveExtension(actor, null, cmd.comment(), now);
                }
            }
            case REJECT_EXTENSION -> p.rejectExtension(actor, cmd.comment(), now);
            case URGE -> p.urge(actor, cmd.comment(), now);
            case TRANSFER_CLUE -> p.transferClue(actor, cmd.comment(), now);
            case PROPOSE_TRANSFER -> p.proposeTransfer(actor, cmd.comment(), now);
            case REJECT_TRANSFER -> p.rejectTransfer(actor, cmd.comment(), now);
            case WITHDRAW -> p.withdraw(actor, cmd.comment(), now);
        }
        List<Long> stepIds = problems.save(p);
        if (action == ProblemAction.REPLY && evidence != null && !evidence.isEmpty()) {
            photos.attach(p.id(), stepIds.get(stepIds.size() - 1), evidence);
        }
        audit.record("problem." + action.name().toLowerCase(java.util.Locale.ROOT), "problem", p.id(),
                Outcome.SUCCESS, cmd.comment());
        notify(action, p, unitBefore, transferProposed);
        if (action == ProblemAction.REPLY || action == ProblemAction.TRANSFER_CLUE || action == ProblemAction.WITHDRAW) {
            events.publishEvent(new cn.jiandu.problem.ProblemChanged(p.id(), p.anonymous() ? null : p.reporterId(),
                    p.status()));
        }
        return p;
    }

    /**
     * The due date an approved extension gives: the working days requested, counted from the later of the old due
     * date and the approval — an item already overdue gets the days from today, never a date that is past already.
     */
    public Instant extendedDue(Instant oldDue, int days, Instant approvedAt) {
        Instant from = oldDue == null || oldDue.isBefore(approvedAt) ? approvedAt : oldDue;
        return calendar.deadlineAfter(from, days);
    }

    /** The reporter's rating: 403 for anyone else, 409 unless the report waits for a rating. */
    public Problem rate(JianduPrincipal me, long id, Rating rating, String comment) {
        if (rating == null) {
            throw Refusal.invalidField("rating", "error.required");
        }
        Problem p = queries.visible(me, id);
        if (p.reporterId() != me.id()) {
            throw Refusal.forbidden();
        }
        if (rating == Rating.DISSATISFIED && (comment == null || comment.isBlank())) {
            // the unit must learn what is still wrong
            throw Refusal.invalidField("comment", "problem.error.dissatisfiedReason");
        }
        Instant now = clock.instant();
        int days = p.deadlineDays() == null ? props.defaultDeadlineDays() : p.deadlineDays();
        p.rate(rating, text(comment, "comment", 1000, false), calendar.deadlineAfter(now, days), now);
        problems.save(p);
        audit.record("problem.rate", "problem", p.id(), Outcome.SUCCESS, rating.name());
        if (rating == Rating.DISSATISFIED) {
            notifier.unit(p.handlingUnitId(), "problem.notify.reopened", p);
            events.publishEvent(new cn.jiandu.problem.ProblemChanged(p.id(), p.anonymous() ? null : p.reporterId(),
                    p.status()));
        } else {
            events.publishEvent(new ProblemClosed(p.id(), p.anonymous() ? null : p.reporterId(), p.closeReason(),
                    rating));
        }
        return p;
    }

    /** The discipline office reveals who reported (audited); anonymous reports have no one to reveal. */
    public Optional<UserView> revealReporter(JianduPrincipal me, long id) {
        Problem p = queries.visible(me, id);
        audit.record("problem.revealReporter", "problem", p.id(), Outcome.SUCCESS, null);
        return p.anonymous() ? Optional.empty() : users.find(p.reporterId());
    }

    /** Closes as 未评价 what was replied longer ago than the rating period. */
    public int closeUnrated() {
        Instant now = clock.instant();
        int n = 0;
        for (long id : problems.repliedBefore(now.minus(java.time.Duration.ofDays(props.autoCloseDays())))) {
            Problem p = problems.find(id).orElseThrow();
            p.closeUnrated(now);
            problems.save(p);
            audit.record("problem.autoClose", "problem", id, Outcome.SUCCESS, null);
            events.publishEvent(new ProblemClosed(id, p.anonymous() ? null : p.reporterId(), p.closeReason(), null));
            n++;
        }
        return n;
    }

    private void notify(ProblemAction action, Problem p, Long unitBefore, boolean transferProposed) {
        switch (action) {
            case DISPATCH, REDISPATCH -> notifier.unit(p.handlingUnitId(), "problem.notify.dispatched", p);
            case URGE -> notifier.unit(p.handlingUnitId(), "problem.notify.urged", p);
            case ACCEPT -> notifier.reporter("problem.notify.accepted", p);
            case REPLY -> notifier.reporter("problem.notify.replied", p);
            case RETURN -> {
                notifier.reporter("problem.notify.returned", p);
                notifier.admins("problem.notify.returnedToAdmin", p);
            }
            case TRANSFER_CLUE -> {
                notifier.reporter("problem.notify.transferred", p);
                if (transferProposed) {
                    // no link: the unit can no longer open a transferred report
                    notifier.unit(unitBefore, "problem.notify.transferConfirmed", p, false);
                }
            }
            case PROPOSE_TRANSFER -> notifier.admins("problem.notify.transferProposed", p);
            case REJECT_TRANSFER -> notifier.unit(p.handlingUnitId(), "problem.notify.transferRejected", p);
            case REQUEST_EXTENSION -> notifier.admins("problem.notify.extensionRequested", p);
            case APPROVE_EXTENSION, REJECT_EXTENSION -> notifier.unit(p.handlingUnitId(),
                    "problem.notify.extensionDecided", p);
            default -> { }
        }
    }

    private long handlingUnit(ActionCommand cmd) {
        if (cmd.handlingUnitId() == null || org.find(cmd.handlingUnitId()).isEmpty()) {
            throw Refusal.invalidField("handlingUnitId", "problem.error.unknownOrgUnit");
        }
        return cmd.handlingUnitId();
    }

    private int days(ActionCommand cmd) {
        int days = cmd.days() == null ? props.defaultDeadlineDays() : cmd.days();
        if (days < 1 || days > 60) {
            throw Refusal.invalidField("days", "problem.error.days");
        }
        return days;
    }

    static String text(String value, String field, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw Refusal.invalidField(field, "error.required");
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw Refusal.invalidField(field, "problem.error.tooLong", max);
        }
        return v;
    }
}
