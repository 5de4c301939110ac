package cn.jiandu.assessment.domain;

import cn.jiandu.assessment.AdmonitionStatus;
import cn.jiandu.assessment.AssessmentPermissions;
import cn.jiandu.assessment.Grade;
import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.notification.NotificationRequested;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 约谈 records (考核结果应用): every 不合格 of a published run opens one for the discipline secretary, who schedules,
 * holds and records it, checks the agreed follow-up and closes it. The office and leaders read and act on all; a
 * supervisor reads only his own (another's → 404) and cannot act on it (403). Every move is audited.
 */
@Service
public class Admonitions {

    private final AdmonitionRepository repo;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Admonitions(AdmonitionRepository repo, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Called when a run is published: one record per 不合格 result not yet admonished for that period. */
    void openFor(Run run, List<RunRepository.ResultRow> results) {
        Instant now = clock.instant();
        for (RunRepository.ResultRow r : results) {
            if (r.grade() == Grade.UNQUALIFIED
                    && repo.openIfAbsent(run.id(), r.appointmentId(), r.userId(), r.unitId(), run.period(), now)) {
                audit.record("assessment.admonition.open", "assessment_result", run.id() + "/" + r.appointmentId(),
                        Outcome.SUCCESS, run.period());
            }
        }
    }

    public List<Admonition> list(AdmonitionStatus status, JianduPrincipal me, long beforeId, int limit) {
        return repo.list(status, me.can(AssessmentPermissions.ADMONITION), me.id(), beforeId, limit);
    }

    /** The record if the caller may read it: the office and leaders any, the person his own; 404 otherwise. */
    public Admonition readable(long id, JianduPrincipal me) {
        Admonition a = repo.find(id).orElseThrow(Refusal::notFound);
        if (!me.can(AssessmentPermissions.ADMONITION) && a.userId() != me.id()) {
            throw Refusal.notFound();
        }
        return a;
    }

    public List<Admonition> ofRun(long runId) {
        return repo.ofRun(runId);
    }

    @Transactional
    public Admonition act(long id, String action, LocalDate date, String summary, String followUp,
            JianduPrincipal me) {
        Admonition a = readable(id, me);
        if (!me.can(AssessmentPermissions.ADMONITION)) {
            throw Refusal.forbidden();
        }
        if (action == null) {
            throw Refusal.invalidField("action", "error.required");
        }
        LocalDate today = LocalDate.now(clock);
        Admonition next = switch (action) {
            case "SCHEDULE" -> a.schedule(date);
            case "HOLD" -> a.hold(date, summary, followUp, today);
            case "CHECK_FOLLOW_UP" -> a.checkFollowUp(date, summary, today);
            case "CLOSE" -> a.close();
            default -> throw Refusal.invalidField("action", "error.invalidValue");
        };
        repo.save(next, clock.instant());
        audit.record("assessment.admonition." + action.toLowerCase(java.util.Locale.ROOT), "assessment_admonition",
                id, Outcome.SUCCESS, date == null ? null : date.toString());
        if (action.equals("SCHEDULE")) {
            events.publishEvent(new NotificationRequested(List.of(a.userId()), "assessment.notify.admonition",
                    List.of(a.period(), date.toString()), "/assessment/admonitions/" + id));
        }
        return repo.find(id).orElseThrow();
    }
}
