package cn.jiandu.selection.web;

import cn.jiandu.files.FileStore;
import cn.jiandu.files.StoredBlob;
import cn.jiandu.selection.NominationStatus;
import cn.jiandu.selection.domain.Nomination;
import cn.jiandu.selection.domain.NominationQueries;
import cn.jiandu.selection.domain.NominationQueries.Detail;
import cn.jiandu.selection.domain.NominationQueries.Summary;
import cn.jiandu.selection.domain.NominationService;
import cn.jiandu.selection.domain.NominationService.ActionCommand;
import cn.jiandu.selection.domain.NominationService.SubmitCommand;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.paging.PageSize;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.web.Uploads;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 七步法: nominating, the queues, one nomination with its chain, acting at a step, batch approval. */
@RestController
@RequestMapping("/api/v1/nominations")
@Tag(name = "selection", description = "组织链: 七步法选拔")
class NominationApi {

    record CheckJson(String check, boolean passed, String detail) {
    }

    record Submitted(String id, String number, NominationStatus status, int currentStep, List<CheckJson> eligibility) {
    }

    record SummaryJson(String id, String number, NominationStatus status, int currentStep, String currentStepName,
            String candidateId, String candidate, Role type, String scopeUnitId, String scopeUnitName,
            String nominatorId, String nominator, OffsetDateTime submittedAt, LocalDate stepDueOn, boolean overdue,
            boolean dueSoon, String appointmentId) {

        static SummaryJson of(Summary s) {
            Nomination n = s.nomination();
            return new SummaryJson(String.valueOf(n.id()), n.number(), n.status(), n.currentStep(), s.stepName(),
                    String.valueOf(n.candidateId()), s.candidate(), n.type(), String.valueOf(n.scopeUnitId()),
                    s.scopeUnitName(), String.valueOf(n.nominatorId()), s.nominator(), time(n.submittedAt()),
                    n.stepDueOn(), s.overdue(), s.dueSoon(),
                    n.appointmentId() == null ? null : String.valueOf(n.appointmentId()));
        }
    }

    record StepJson(int position, String code, String name, Role ownerRole, String ownerUnitId,
            boolean ownerIsScopeBranch, String owner, int deadlineWorkingDays, boolean opinionRequired, String state,
            String outcome, String opinion, String by, OffsetDateTime at) {
    }

    record TimelineJson(String action, int step, Integer toStep, String actor, String toUser, String opinion,
            String overrideReasons, OffsetDateTime at) {
    }

    record DetailJson(String id, String number, NominationStatus status, int currentStep, String currentStepName,
            String candidateId, String candidate, Role type, String scopeUnitId, String scopeUnitName,
            String nominatorId, String nominator, LocalDate meetingDate, int present, int votesFor, int votesAgainst,
            int abstentions, String reason, boolean hasMinutes, int chainVersion, LocalDate stepDueOn,
            boolean overdue, String appointmentId, List<StepJson> steps, List<CheckJson> eligibility,
            List<TimelineJson> timeline, boolean canAct, boolean nominatorView) {
    }

    record BatchForm(List<String> ids, String opinion) {
    }

    record BatchJson(String id, String outcome, String problem) {
    }

    private final NominationService service;
    private final NominationQueries queries;
    private final FileStore files;
    private final MessageSource messages;

    NominationApi(NominationService service, NominationQueries queries, FileStore files, MessageSource messages) {
        this.service = service;
        this.queries = queries;
        this.files = files;
        this.messages = messages;
    }

    static OffsetDateTime time(java.time.Instant at) {
        return at == null ? null : at.atZone(cn.jiandu.shared.time.ClockConfig.ZONE).toOffsetDateTime();
    }

    String msg(String key, List<Object> args) {
        Locale locale = LocaleContextHolder.getLocale();
        Object[] resolved = args.stream().map(a -> a instanceof String s && s.contains(".")
                ? messages.getMessage(s, null, s, locale) : a).toArray();
        return messages.getMessage(key, resolved, key, locale);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('nomination:create')")
    Submitted submit(JianduPrincipal me, @RequestPart("nomination") SubmitCommand nomination,
            @RequestPart(value = "minutes", required = false) MultipartFile minutes) {
        Nomination n = service.submit(me, nomination, minutes == null || minutes.isEmpty() ? null : Uploads.of(minutes));
        Detail d = queries.detail(me, n.id());
        return new Submitted(String.valueOf(n.id()), n.number(), n.status(), n.currentStep(), eligibility(d));
    }

    private List<CheckJson> eligibility(Detail d) {
        return d.eligibility().stream().map(r -> new CheckJson(r.check().name(), r.passed(),
                msg(r.detailKey(), r.args()))).toList();
    }

    @GetMapping
    CursorPage<SummaryJson> list(JianduPrincipal me, @RequestParam(required = false) NominationStatus status,
            @RequestParam(required = false) Integer step, @RequestParam(defaultValue = "false") boolean waitingForMe,
            @RequestParam(required = false) Role type, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String cursor) {
        return queries.list(me, new NominationQueries.Filter(status, step, waitingForMe, type), PageSize.of(size),
                cursor).map(SummaryJson::of);
    }

    @GetMapping("/{id}")
    DetailJson detail(JianduPrincipal me, @PathVariable long id) {
        return json(queries.detail(me, id));
    }

    DetailJson json(Detail d) {
        Summary s = d.summary();
        Nomination n = s.nomination();
        List<StepJson> steps = d.steps().stream().map(v -> new StepJson(v.step().position(), v.step().code(),
                v.step().name(), v.step().ownerRole(),
                v.step().ownerUnitId() == null ? null : String.valueOf(v.step().ownerUnitId()),
                v.step().ownerIsScopeBranch(), v.ownerLabelUnit(), v.step().deadlineWorkingDays(),
                v.step().opinionRequired(), v.state(), v.outcome(), v.opinion(), v.by(), time(v.at()))).toList();
        List<TimelineJson> timeline = d.timeline().stream().map(t -> new TimelineJson(t.event().action(),
                t.event().step(), t.event().toStep(), t.actor(), t.toUser(), t.event().opinion(),
                t.event().overrideReasons(), time(t.event().at()))).toList();
        return new DetailJson(String.valueOf(n.id()), n.number(), n.status(), n.currentStep(), s.stepName(),
                String.valueOf(n.candidateId()), s.candidate(), n.type(), String.valueOf(n.scopeUnitId()),
                s.scopeUnitName(), String.valueOf(n.nominatorId()), s.nominator(), n.meetingDate(), n.present(),
                n.votesFor(), n.votesAgainst(), n.abstentions(), n.reason(), n.minutesBlobId() != null,
                n.chainVersion(), n.stepDueOn(), s.overdue(),
                n.appointmentId() == null ? null : String.valueOf(n.appointmentId()), steps, eligibility(d),
                timeline, d.ownsCurrentStep(), d.nominator());
    }

    @PostMapping(value = "/{id}/actions", consumes = MediaType.APPLICATION_JSON_VALUE)
    DetailJson act(JianduPrincipal me, @PathVariable long id, @RequestBody ActionCommand body) {
        service.act(me, id, body);
        return json(queries.detail(me, id));
    }

    @PostMapping(value = "/batch-approve", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<BatchJson> batchApprove(JianduPrincipal me, @RequestBody BatchForm body) {
        List<Long> ids;
        try {
            ids = body.ids() == null ? null : body.ids().stream().map(Long::parseLong).toList();
        } catch (NumberFormatException e) {
            throw Refusal.invalidField("ids", "error.invalidValue");
        }
        return service.batchApprove(me, ids, body.opinion()).stream().map(o -> new BatchJson(String.valueOf(o.id()),
                o.outcome(), o.problemKey() == null ? null : messages.getMessage(o.problemKey(), o.problemArgs(),
                        o.problemKey(), LocaleContextHolder.getLocale()))).toList();
    }

    @GetMapping("/{id}/minutes")
    ResponseEntity<Resource> minutes(JianduPrincipal me, @PathVariable long id) {
        Detail d = queries.detail(me, id);
        Long blob = d.summary().nomination().minutesBlobId();
        if (blob == null) {
            throw Refusal.notFound();
        }
        StoredBlob stored = files.find(blob).orElseThrow(Refusal::notFound);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(stored.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate()).body(files.open(blob));
    }
}
