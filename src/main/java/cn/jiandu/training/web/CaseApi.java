package cn.jiandu.training.web;

import cn.jiandu.files.FileStore;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.paging.PageSize;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.Uploads;
import cn.jiandu.training.CaseAction;
import cn.jiandu.training.CaseKind;
import cn.jiandu.training.CaseStatus;
import cn.jiandu.training.domain.CaseCommand;
import cn.jiandu.training.domain.CaseQueries;
import cn.jiandu.training.domain.CaseRepository;
import cn.jiandu.training.domain.CaseService;
import cn.jiandu.training.domain.TrainingCase;
import cn.jiandu.training.domain.WarningCaseDrafter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "training", description = """
        优秀案例 and 警示教育案例. A supervisor submits (multipart: part `case` JSON, 0-10 parts `files`, each checked by
        content, at most 20 MB; anyone else 403). The office (ADMIN) returns (comment required), accepts, declines and
        publishes; `meetingId` with ACCEPT or PUBLISH puts an excellent case on that exchange meeting. The author edits
        and resubmits a returned case with `PUT /api/v1/cases/{id}` (same multipart shape; files are added); the office
        edits a submitted or accepted case the same way. A case drafted from a closed report
        (`POST /api/v1/cases/from-problem/{problemId}`) starts ACCEPTED with kind WARNING_EDUCATION: nothing is left to
        review, the office edits it and publishes it. Reading: the author until published, then every supervisor;
        the office and the leaders always; anyone else 404. `sourceProblemId` and `problemIds` list only reports the
        reader may read. Publishing notifies every supervisor; an excellent case is also placed (as a text document
        plus its files) into every space's 工作亮点 folder. `quarter` (e.g. 2026Q3) is fixed on publishing: the
        meeting's quarter, else the day's. Invalid transitions 409.""")
class CaseApi {

    record ActionBody(CaseAction action, String comment, Long meetingId) {
    }

    private final CaseService service;
    private final CaseQueries queries;
    private final WarningCaseDrafter drafter;
    private final FileStore files;

    CaseApi(CaseService service, CaseQueries queries, WarningCaseDrafter drafter, FileStore files) {
        this.service = service;
        this.queries = queries;
        this.drafter = drafter;
        this.files = files;
    }

    @GetMapping
    @Operation(summary = "Cases the caller may read, newest first: the library (status=PUBLISHED, by quarter, kind, "
            + "unit subtree, q) or the review queue (status=SUBMITTED); mine=true for his own")
    CursorPage<CaseJson.Row> list(JianduPrincipal me, @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) CaseKind kind, @RequestParam(required = false) String quarter,
            @RequestParam(required = false) Long unitId, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer size) {
        return queries.list(me, new CaseQueries.Filter(status, kind, quarter, unitId, q, mine), cursor,
                PageSize.of(size)).map(CaseJson.Row::of);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CaseJson.Case submit(JianduPrincipal me, @RequestPart("case") CaseCommand body,
            @RequestPart(value = "files", required = false) List<MultipartFile> parts) {
        return json(me, service.submit(me, body, Uploads.of(parts)));
    }

    @GetMapping("/{id}")
    CaseJson.Case get(JianduPrincipal me, @PathVariable long id) {
        return json(me, service.visible(me, id));
    }

    @PutMapping(value = "/{id}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CaseJson.Case edit(JianduPrincipal me, @PathVariable long id, @RequestPart("case") CaseCommand body,
            @RequestPart(value = "files", required = false) List<MultipartFile> parts) {
        return json(me, service.edit(me, id, body, Uploads.of(parts)));
    }

    @PostMapping(value = "/{id}/actions", consumes = MediaType.APPLICATION_JSON_VALUE)
    CaseJson.Case act(JianduPrincipal me, @PathVariable long id, @RequestBody ActionBody body) {
        return json(me, service.act(me, id, body.action(), body.comment(), body.meetingId()));
    }

    @PostMapping("/from-problem/{problemId}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The office drafts a 警示教育案例 from a closed report, personal names removed")
    CaseJson.Case fromProblem(JianduPrincipal me, @PathVariable long problemId) {
        return json(me, drafter.draft(me, problemId));
    }

    @GetMapping("/{id}/files/{fileId}")
    ResponseEntity<Resource> file(JianduPrincipal me, @PathVariable long id, @PathVariable long fileId) {
        TrainingCase c = service.visible(me, id);
        CaseRepository.FileRow f = queries.file(c, fileId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.name(), StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noCache().cachePrivate()).body(files.open(f.blobId()));
    }

    private CaseJson.Case json(JianduPrincipal me, TrainingCase c) {
        return CaseJson.Case.of(queries.view(me, c));
    }
}
