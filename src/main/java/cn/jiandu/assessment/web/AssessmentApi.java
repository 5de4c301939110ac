package cn.jiandu.assessment.web;

import cn.jiandu.assessment.Grade;
import cn.jiandu.assessment.RunStatus;
import cn.jiandu.assessment.domain.Run;
import cn.jiandu.assessment.domain.RunService;
import cn.jiandu.assessment.domain.Scoring;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.paging.Cursor;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.paging.PageSize;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/assessments")
@Tag(name = "assessment", description = "考核: runs, results, rubric scores, publication, objections")
class AssessmentApi {

    record StartForm(String schemeId, String period) {
    }

    record ScoreForm(String indicatorCode, BigDecimal score, String reason) {
    }

    record ActionForm(String action, String comment) {
    }

    record ObjectionForm(String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RunJson(String id, String schemeId, Role type, String period, RunStatus status, int version,
            String supersedes, OffsetDateTime startedAt, OffsetDateTime computedAt, OffsetDateTime submittedAt,
            OffsetDateTime publishedAt, LocalDate objectionDeadline, String comment) {

        static RunJson of(Run r) {
            return new RunJson(String.valueOf(r.id()), String.valueOf(r.schemeId()), r.type(), r.period(), r.status(),
                    r.version(), r.supersedes() == null ? null : String.valueOf(r.supersedes()), at(r.startedAt()),
                    at(r.computedAt()), at(r.submittedAt()), at(r.publishedAt()), r.objectionDeadline(), r.comment());
        }
    }

    record IndicatorJson(String code, BigDecimal score, BigDecimal max, List<Scoring.Evidence> evidence) {
    }

    record DimensionJson(String code, BigDecimal score, BigDecimal weight, List<IndicatorJson> indicators) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ResultJson(String appointmentId, String person, String unitName, BigDecimal total, Grade grade,
            List<DimensionJson> dimensions, Object figures, String objection) {
    }

    private final RunService runs;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final cn.jiandu.assessment.domain.PerformancePoints points;
    private final cn.jiandu.assessment.domain.RollUp rollUp;

    AssessmentApi(RunService runs, UserDirectory users, OrgDirectory org,
            cn.jiandu.assessment.domain.PerformancePoints points, cn.jiandu.assessment.domain.RollUp rollUp) {
        this.points = points;
        this.rollUp = rollUp;
        this.runs = runs;
        this.users = users;
        this.org = org;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('assessment:run')")
    RunJson start(@RequestBody StartForm form, JianduPrincipal me) {
        Long schemeId = null;
        if (form.schemeId() != null) {
            try {
                schemeId = Long.parseLong(form.schemeId());
            } catch (NumberFormatException e) {
                throw cn.jiandu.shared.Refusal.invalidField("schemeId", "error.invalidValue");
            }
        }
        return RunJson.of(runs.start(schemeId, form.period(), me));
    }

    /** The runs the caller may read (the office and leaders: all; others: the published ones), newest first. */
    @GetMapping
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    List<RunJson> list(JianduPrincipal me) {
        return runs.list(me).stream().map(RunJson::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    RunJson get(@PathVariable long id, JianduPrincipal me) {
        return RunJson.of(runs.readable(id, me));
    }

    /** The results the caller may read: all of them, his subtree's (branch secretary) or his own. */
    @GetMapping("/{id}/results")
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    CursorPage<ResultJson> results(@PathVariable long id, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String cursor, JianduPrincipal me) {
        Run run = runs.readable(id, me);
        int n = PageSize.of(size);
        long after = cursor == null ? 0 : Cursor.decodeLong(cursor);
        List<RunService.ResultView> rows = runs.results(run, me, after, n + 1);
        Map<Long, String> names = users.displayNames(rows.stream().map(RunService.ResultView::userId).toList());
        return CursorPage.of(rows, n, r -> Cursor.encode(r.appointmentId()))
                .map(r -> json(run, r, names.get(r.userId())));
    }

    @PutMapping("/{id}/results/{appointmentId}/scores")
    @PreAuthorize("hasAuthority('assessment:run')")
    ResultJson score(@PathVariable long id, @PathVariable long appointmentId, @RequestBody ScoreForm form,
            JianduPrincipal me) {
        RunService.ResultView r = runs.enter(id, appointmentId, form.indicatorCode(), form.score(), form.reason(), me);
        return json(runs.get(id), r, users.displayNames(List.of(r.userId())).get(r.userId()));
    }

    @PostMapping("/{id}/actions")
    @PreAuthorize("hasAuthority('assessment:run') or hasAuthority('assessment:publish')")
    RunJson act(@PathVariable long id, @RequestBody ActionForm form, JianduPrincipal me) {
        return RunJson.of(runs.act(id, form.action(), form.comment(), me));
    }

    @PostMapping("/{id}/results/{appointmentId}/objection")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    Map<String, String> object(@PathVariable long id, @PathVariable long appointmentId,
            @RequestBody ObjectionForm form, JianduPrincipal me) {
        return Map.of("id", String.valueOf(runs.object(id, appointmentId, form.text(), me)));
    }

    record RollUpJson(String assessmentId, String level, List<RollUpItemJson> items) {
    }

    record RollUpItemJson(String unitId, String unitName, int rank, int supervisors, BigDecimal mean, BigDecimal min,
            BigDecimal max, BigDecimal spread, int excellent, int qualified, int unqualified) {
    }

    /** 三级责任: the results the caller may read, per 党支部 (BRANCH), 职能部门 (DEPARTMENT) or 网格 (GRID), ranked. */
    @GetMapping("/{id}/rollup")
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    RollUpJson rollup(@PathVariable long id, @RequestParam(required = false) String level, JianduPrincipal me) {
        runs.readable(id, me);
        cn.jiandu.assessment.domain.RollUp.Level l = cn.jiandu.assessment.domain.RollUp.level(level);
        return new RollUpJson(String.valueOf(id), l.name(), rollUp.of(id, l, me).stream().map(i -> new RollUpItemJson(
                String.valueOf(i.unitId()), i.unitName(), i.rank(), i.supervisors(), i.mean(), i.min(), i.max(),
                i.spread(), i.excellent(), i.qualified(), i.unqualified())).toList());
    }

    /** 绩效积分 for HR: a published run's results as .xlsx (layout in {@code PerformancePoints}). */
    @GetMapping("/{id}/export/performance-points.xlsx")
    @PreAuthorize("hasAuthority('assessment:export')")
    ResponseEntity<byte[]> performancePoints(@PathVariable long id, JianduPrincipal me) {
        Run run = runs.readable(id, me);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("绩效积分-" + run.period()
                                + "-" + run.type().name() + ".xlsx", java.nio.charset.StandardCharsets.UTF_8).build()
                                .toString())
                .body(points.export(id, me));
    }

    ResultJson json(Run run, RunService.ResultView r, String person) {
        List<DimensionJson> dims = r.breakdown().dimensions().stream().map(d -> new DimensionJson(d.code(), d.score(),
                d.weight(), d.indicators().stream().map(i -> new IndicatorJson(i.code(), i.score(), i.max(),
                        i.evidence())).toList())).toList();
        String objection = runs.objection(run.id(), r.appointmentId()).map(o -> String.valueOf(o.get("text")))
                .orElse(null);
        return new ResultJson(String.valueOf(r.appointmentId()), person,
                org.find(r.unitId()).map(OrgUnitView::name).orElse(null), r.total(), r.grade(), dims,
                r.breakdown().figures(), objection);
    }

    static OffsetDateTime at(java.time.Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.ofHours(8));
    }
}
