package cn.jiandu.problem.web;

import cn.jiandu.files.FileStore;
import cn.jiandu.files.StoredBlob;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.Rating;
import cn.jiandu.problem.Warning;
import cn.jiandu.problem.domain.ActionCommand;
import cn.jiandu.problem.domain.PhotoService;
import cn.jiandu.problem.domain.Problem;
import cn.jiandu.problem.domain.ProblemDetail;
import cn.jiandu.problem.domain.ProblemFilter;
import cn.jiandu.problem.domain.ProblemQueries;
import cn.jiandu.problem.domain.ProblemService;
import cn.jiandu.problem.domain.ProblemStats;
import cn.jiandu.problem.domain.ProblemSummary;
import cn.jiandu.problem.domain.SubmitCommand;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.paging.PageSize;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.problem.ProblemPermissions;
import cn.jiandu.shared.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
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
import cn.jiandu.shared.web.Uploads;

@RestController
@RequestMapping("/api/v1/problems")
@Tag(name = "problem", description = "监督一点通")
class ProblemApi {

    /** The answer to a submission. */
    record Submitted(String id, String number, ProblemStatus status, String handlingUnitId, OffsetDateTime dueAt) {
    }

    record RatingForm(Rating rating, String comment) {
    }

    record Reporter(boolean anonymous, String id, String username, String displayName, String orgUnitId,
            String mobile) {
    }

    private final ProblemService service;
    private final ProblemQueries queries;
    private final ProblemStats stats;
    private final PhotoService photos;
    private final FileStore files;
    private final LedgerExport export;
    private final StatsScope statsScope;

    ProblemApi(ProblemService service, ProblemQueries queries, ProblemStats stats, PhotoService photos,
            FileStore files, LedgerExport export, StatsScope statsScope) {
        this.service = service;
        this.queries = queries;
        this.stats = stats;
        this.photos = photos;
        this.files = files;
        this.export = export;
        this.statsScope = statsScope;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('problem:report')")
    @Operation(summary = "随手拍: file a report", description = "Multipart: part `problem` (JSON, SubmitCommand) and "
            + "up to jiandu.problem.max-photos parts `photos` (each at most jiandu.problem.max-photo-bytes, checked by "
            + "content as an image whatever its name; EXIF and GPS are removed from every copy but the original kept "
            + "for the discipline office). The pages shrink photos in the browser to a long edge of 2048 px (JPEG "
            + "0.85) before sending; the API takes what it is given within the limits. Optional `problem.position` "
            + "{latitude, longitude, accuracyMeters}: the reporter's browser geolocation, sent only with his consent; "
            + "stored with the report and returned as `position` of the detail to the reporter and to holders of "
            + "problem:reveal-reporter only, never to handlers (they read `location`, the place text). Half a "
            + "position or values off the globe: 400, field `position`.")
    Submitted submit(JianduPrincipal me, @RequestPart("problem") SubmitCommand problem,
            @RequestPart(value = "photos", required = false) List<MultipartFile> photoFiles) {
        Problem p = service.submit(me, problem, Uploads.of(photoFiles));
        return new Submitted(String.valueOf(p.id()), p.number(), p.status(),
                p.handlingUnitId() == null ? null : String.valueOf(p.handlingUnitId()),
                p.dueAt() == null ? null : p.dueAt().atZone(cn.jiandu.shared.time.ClockConfig.ZONE).toOffsetDateTime());
    }

    @GetMapping
    CursorPage<ProblemSummary> list(JianduPrincipal me, @RequestParam(required = false) ProblemStatus status,
            @RequestParam(required = false) String categoryCode, @RequestParam(required = false) Long orgUnitId,
            @RequestParam(required = false) Warning warning, @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "false") boolean assigned,
            @RequestParam(defaultValue = "false") boolean transferProposed,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String cursor) {
        return queries.list(me, new ProblemFilter(status, categoryCode, orgUnitId, warning, q, from, to, mine,
                assigned, transferProposed), PageSize.of(size), cursor);
    }

    @GetMapping("/{id}")
    ProblemDetail detail(JianduPrincipal me, @PathVariable long id) {
        return queries.detail(me, id);
    }

    @GetMapping("/{id}/reporter")
    @PreAuthorize("hasAuthority('problem:reveal-reporter')")
    Reporter reporter(JianduPrincipal me, @PathVariable long id) {
        return service.revealReporter(me, id)
                .map(u -> new Reporter(false, String.valueOf(u.id()), u.username(), u.displayName(),
                        String.valueOf(u.orgUnitId()), u.mobile()))
                .orElse(new Reporter(true, null, null, null, null, null));
    }

    @GetMapping("/{id}/photos/{photoId}")
    ResponseEntity<Resource> photo(JianduPrincipal me, @PathVariable long id, @PathVariable long photoId,
            @RequestParam(required = false) String size) {
        return servePhoto(queries, photos, files, me, id, photoId, size);
    }

    /** Shared with the pages: the original only for those who may reveal the reporter, else the clean copy. */
    static ResponseEntity<Resource> servePhoto(ProblemQueries queries, PhotoService photos, FileStore files,
            JianduPrincipal me, long id, long photoId, String size) {
        queries.visible(me, id);
        PhotoService.PhotoRow row = photos.find(id, photoId).orElseThrow(ApiException::notFound);
        long blob = "thumb".equals(size) ? row.thumbBlobId()
                : me.can(ProblemPermissions.REVEAL_REPORTER) ? row.originalBlobId() : row.cleanBlobId();
        StoredBlob stored = files.find(blob).orElseThrow(ApiException::notFound);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(stored.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate()).body(files.open(blob));
    }

    @PostMapping(value = "/{id}/actions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProblemDetail act(JianduPrincipal me, @PathVariable long id, @RequestBody ActionCommand body) {
        return queries.detailAfterAction(me, service.act(me, id, body, List.of()));
    }

    @PostMapping(value = "/{id}/actions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ProblemDetail actWithEvidence(JianduPrincipal me, @PathVariable long id,
            @RequestPart("action") ActionCommand action,
            @RequestPart(value = "photos", required = false) List<MultipartFile> photoFiles) {
        return queries.detailAfterAction(me, service.act(me, id, action, Uploads.of(photoFiles)));
    }

    @PostMapping("/{id}/rating")
    ProblemDetail rate(JianduPrincipal me, @PathVariable long id, @RequestBody RatingForm body) {
        service.rate(me, id, body.rating(), body.comment());
        return queries.detail(me, id);
    }

    @GetMapping("/stats")
    @PreAuthorize("hasAuthority('dashboard:read')")
    ProblemStats.Stats stats(JianduPrincipal me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long orgUnitId) {
        return stats.compute(from, to, statsScope.unitFor(me, orgUnitId));
    }

    @GetMapping("/export.xlsx")
    void export(JianduPrincipal me, @RequestParam(required = false) ProblemStatus status,
            @RequestParam(required = false) String categoryCode, @RequestParam(required = false) Long orgUnitId,
            @RequestParam(required = false) Warning warning, @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "false") boolean assigned,
            HttpServletResponse response) throws IOException {
        export.write(me, new ProblemFilter(status, categoryCode, orgUnitId, warning, q, from, to, mine, assigned),
                response);
    }
}
