package cn.jiandu.assessment.domain;

import cn.jiandu.assessment.AssessmentPermissions;
import cn.jiandu.assessment.AssessmentProperties;
import cn.jiandu.assessment.Grade;
import cn.jiandu.assessment.RunStatus;
import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.ledger.Ledger;
import cn.jiandu.ledger.LedgerEntry;
import cn.jiandu.ledger.LedgerPeriod;
import cn.jiandu.notification.NotificationRequested;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 考核: the office starts a run for a period and a type; every supervisor of that type in office during the period is
 * scored from the ledger with the scheme; the office enters rubric scores and bonus/deduction items (each with a
 * reason, audited) and submits; a leader publishes. A published run is frozen — its results are never recomputed; a
 * correction is a new version that supersedes it once published.
 */
@Service
public class RunService {

    private final RunRepository runs;
    private final SchemeRepository schemes;
    private final Ledger ledger;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final AssessmentProperties props;
    private final Admonitions admonitions;
    private final Clock clock;

    RunService(RunRepository runs, SchemeRepository schemes, Ledger ledger, OrgDirectory org, AuditTrail audit,
            ApplicationEventPublisher events, AssessmentProperties props, Admonitions admonitions, Clock clock) {
        this.admonitions = admonitions;
        this.runs = runs;
        this.schemes = schemes;
        this.ledger = ledger;
        this.org = org;
        this.audit = audit;
        this.events = events;
        this.props = props;
        this.clock = clock;
    }

    /** A result as the caller may see it. */
    public record ResultView(long appointmentId, long userId, long unitId, BigDecimal total, Grade grade,
            Breakdown breakdown) {
    }

    @Transactional
    public Run start(Long schemeId, String periodCode, JianduPrincipal me) {
        if (schemeId == null) {
            throw Refusal.invalidField("schemeId", "error.required");
        }
        Scheme scheme = schemes.find(schemeId)
                .orElseThrow(() -> Refusal.invalidField("schemeId", "error.invalidValue"));
        if (scheme.supersededBy() != null) {
            throw Refusal.invalidField("schemeId", "assessment.error.schemeSuperseded");
        }
        LedgerPeriod period = LedgerPeriod.parse(periodCode, "period");
        if (period.from().getYear() != scheme.definition().year()) {
            throw Refusal.invalidField("period", "assessment.error.periodYear", scheme.definition().year());
        }
        if (runs.live(scheme.definition().type(), period.code()).isPresent()) {
            throw Refusal.conflict("assessment.error.runExists");
        }
        long id = runs.insert(scheme, period.code(), period.from(), period.to(), 1, null, me.id(), clock.instant());
        compute(id);
        audit.record("assessment.run.start", "assessment_run", id, Outcome.SUCCESS, period.code());
        return get(id);
    }

    public Run get(long id) {
        return runs.find(id).orElseThrow(Refusal::notFound);
    }

    /** The run, if the caller may read it: the office and leaders always, others once published. */
    public Run readable(long id, JianduPrincipal me) {
        Run r = get(id);
        if (!me.can(AssessmentPermissions.READ_ALL) && !r.published()) {
            throw Refusal.notFound();
        }
        return r;
    }

    public List<Run> list(JianduPrincipal me) {
        return runs.all().stream().filter(r -> me.can(AssessmentPermissions.READ_ALL) || r.published()).toList();
    }

    public List<ResultView> results(Run run, JianduPrincipal me, long afterId, int limit) {
        boolean all = me.can(AssessmentPermissions.READ_ALL);
        String path = !all && me.has(Role.BRANCH_SECRETARY)
                ? org.find(me.orgUnitId()).map(OrgUnitView::path).orElse(null) : null;
        return runs.results(run.id(), afterId, limit, all, me.id(), path).stream().map(RunService::view).toList();
    }

    public ResultView result(Run run, long appointmentId, JianduPrincipal me) {
        return results(run, me, appointmentId - 1, 1).stream().filter(r -> r.appointmentId() == appointmentId)
                .findFirst().orElseThrow(Refusal::notFound);
    }

    /** The office enters a rubric score or a bonus/deduction item with its reason; the run is recomputed. */
    @Transactional
    public ResultView enter(long runId, long appointmentId, String code, BigDecimal score, String reason,
            JianduPrincipal me) {
        Run run = get(runId);
        run.checkEditable();
        RunRepository.ResultRow row = runs.result(runId, appointmentId).orElseThrow(Refusal::notFound);
        Scheme scheme = schemes.find(run.schemeId()).orElseThrow();
        if (code == null) {
            throw Refusal.invalidField("indicatorCode", "error.required");
        }
        Indicator ind = scheme.definition().indicator(code)
                .orElseThrow(() -> Refusal.invalidField("indicatorCode", "error.invalidValue"));
        String bad = Scoring.checkEntry(ind, score);
        if (bad != null) {
            throw Refusal.invalidField(bad.equals("assessment.error.notEntered") ? "indicatorCode" : "score", bad,
                    ind.max());
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw Refusal.invalidField("reason", "assessment.error.reason");
        }
        BigDecimal before = runs.entry(runId, appointmentId, code).map(Scoring.Entry::score).orElse(null);
        runs.putEntry(runId, appointmentId, code, score, reason.strip(), me.id(), clock.instant());
        audit.record("assessment.score", "assessment_result", runId + "/" + appointmentId, Outcome.SUCCESS,
                code + ": " + (before == null ? "—" : before.toPlainString()) + " → " + score.toPlainString() + "; "
                        + reason.strip());
        compute(runId);
        return view(runs.result(runId, row.appointmentId()).orElseThrow());
    }

    /** SUBMIT (the office), PUBLISH (a leader or the office), REOPEN (a submitted run back to draft, or a new version). */
    @Transactional
    public Run act(long runId, String action, String comment, JianduPrincipal me) {
        Run run = get(runId);
        if (action == null) {
            throw Refusal.invalidField("action", "error.required");
        }
        Instant now = clock.instant();
        switch (action) {
            case "SUBMIT" -> {
                require(me, AssessmentPermissions.RUN);
                run.checkCanSubmit();
                compute(runId);
                runs.setStatus(runId, RunStatus.SUBMITTED, comment, now);
            }
            case "PUBLISH" -> {
                require(me, AssessmentPermissions.PUBLISH);
                run.checkCanPublish();
                runs.setStatus(runId, RunStatus.PUBLISHED, comment, now);
                runs.published(runId, me.id(), LocalDate.now(clock).plusDays(props.objectionDays()));
                if (run.supersedes() != null) {
                    runs.setStatus(run.supersedes(), RunStatus.SUPERSEDED, "superseded by " + runId, now);
                }
                List<RunRepository.ResultRow> results = runs.results(runId);
                admonitions.openFor(run, results);
                List<Long> people = results.stream().map(RunRepository.ResultRow::userId).distinct().toList();
                if (!people.isEmpty()) {
                    events.publishEvent(new NotificationRequested(people, "assessment.notify.published",
                            List.of(run.period()), "/assessment/runs/" + runId + "/mine"));
                }
            }
            case "REOPEN" -> {
                require(me, AssessmentPermissions.RUN);
                run.checkCanReopen();
                if (run.status() == RunStatus.SUBMITTED) {
                    runs.setStatus(runId, RunStatus.DRAFT, comment, now);
                } else {
                    if (runs.live(run.type(), run.period()).map(Run::id).orElse(runId) != runId) {
                        throw Refusal.conflict("assessment.error.correctionOpen");
                    }
                    Scheme scheme = schemes.find(run.schemeId()).orElseThrow();
                    long next = runs.insert(scheme, run.period(), run.periodFrom(), run.periodTo(),
                            run.version() + 1, runId, me.id(), now);
                    runs.copyEntries(runId, next);
                    compute(next);
                    audit.record("assessment.run.correct", "assessment_run", next, Outcome.SUCCESS,
                            "corrects " + runId + (comment == null ? "" : ": " + comment));
                    return get(next);
                }
            }
            default -> throw Refusal.invalidField("action", "error.invalidValue");
        }
        audit.record("assessment.run." + action.toLowerCase(java.util.Locale.ROOT), "assessment_run", runId,
                Outcome.SUCCESS, comment);
        return get(runId);
    }

    /** 申诉: the supervisor himself, on a published run, by the deadline, once. */
    @Transactional
    public long object(long runId, long appointmentId, String text, JianduPrincipal me) {
        Run run = readable(runId, me);
        RunRepository.ResultRow row = runs.result(runId, appointmentId).orElseThrow(Refusal::notFound);
        if (row.userId() != me.id()) {
            if (me.can(AssessmentPermissions.READ_ALL)) {
                throw Refusal.forbidden();
            }
            throw Refusal.notFound();
        }
        if (run.status() != RunStatus.PUBLISHED) {
            throw Refusal.conflict("assessment.error.notPublished");
        }
        if (LocalDate.now(clock).isAfter(run.objectionDeadline())) {
            throw Refusal.conflict("assessment.error.objectionLate", run.objectionDeadline().toString());
        }
        if (text == null || text.isBlank() || text.length() > 2000) {
            throw Refusal.invalidField("text", "assessment.error.objectionText");
        }
        if (runs.objectionExists(runId, appointmentId)) {
            throw Refusal.conflict("assessment.error.objectionTwice");
        }
        long id = runs.insertObjection(runId, appointmentId, text.strip(), clock.instant());
        audit.record("assessment.objection", "assessment_result", runId + "/" + appointmentId);
        return id;
    }

    public java.util.Optional<Map<String, Object>> objection(long runId, long appointmentId) {
        return runs.objection(runId, appointmentId);
    }

    /** Recomputes a draft's results from the ledger as it is now and grades them together. */
    void compute(long runId) {
        Run run = get(runId);
        run.checkEditable();
        SchemeDefinition def = schemes.find(run.schemeId()).orElseThrow().definition();
        LedgerPeriod period = LedgerPeriod.parse(run.period());
        Map<Long, Map<String, Scoring.Entry>> entries = runs.entries(runId);
        List<LedgerEntry> people = ledger.entries(run.type(), period);
        List<Scoring.Result> scored = new ArrayList<>(people.size());
        List<Grading.Ranked> ranked = new ArrayList<>(people.size());
        for (LedgerEntry e : people) {
            Scoring.Result r = Scoring.score(def, e.figures().byMetric(),
                    entries.getOrDefault(e.appointmentId(), Map.of()));
            scored.add(r);
            ranked.add(new Grading.Ranked(e.appointmentId(), r.total(),
                    r.dimensions().stream().map(Scoring.DimensionScore::score).toList()));
        }
        Map<Long, Grade> grades = Grading.grade(def.grades(), ranked);
        List<RunRepository.ResultRow> rows = new ArrayList<>(people.size());
        for (int i = 0; i < people.size(); i++) {
            LedgerEntry e = people.get(i);
            Scoring.Result r = scored.get(i);
            rows.add(new RunRepository.ResultRow(runId, e.appointmentId(), e.userId(), e.unitId(), r.total(),
                    grades.get(e.appointmentId()), SchemeRepository.JSON.writeValueAsString(
                            new Breakdown(r.dimensions(), e.figures()))));
        }
        runs.replaceResults(runId, rows);
        runs.computed(runId, clock.instant());
    }

    private static void require(JianduPrincipal me, cn.jiandu.shared.security.Permission p) {
        if (!me.can(p)) {
            throw Refusal.forbidden();
        }
    }

    private static ResultView view(RunRepository.ResultRow r) {
        return new ResultView(r.appointmentId(), r.userId(), r.unitId(), r.total(), r.grade(),
                SchemeRepository.JSON.readValue(r.breakdown(), Breakdown.class));
    }
}
