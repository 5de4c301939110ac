package cn.jiandu.audit.web;

import cn.jiandu.audit.AuditEntryView;
import cn.jiandu.audit.chain.ChainVerifier;
import cn.jiandu.audit.domain.AuditQuery;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.paging.PageSize;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAuthority('audit:read')")
@Tag(name = "audit", description = "审计日志 audit trail (read only)")
class AuditApi {

    private final AuditQuery query;
    private final ChainVerifier verifier;

    AuditApi(AuditQuery query, ChainVerifier verifier) {
        this.query = query;
        this.verifier = verifier;
    }

    record VerifyJson(long entries, boolean valid, String firstBreak) {
    }

    /** Walks the hash chain; {@code firstBreak} is the id of the first entry that was edited, removed, added or moved. */
    @GetMapping("/verify")
    @PreAuthorize("hasRole('ADMIN')")
    VerifyJson verify() {
        var v = verifier.verify();
        return new VerifyJson(v.entries(), v.valid(), v.firstBreak() == null ? null : String.valueOf(v.firstBreak()));
    }

    record AuditEntryJson(String id, OffsetDateTime occurredAt, String actorId, String actorName, String action,
            String targetType, String targetId, String address, String outcome, String detail) {

        static AuditEntryJson of(AuditEntryView e) {
            return new AuditEntryJson(String.valueOf(e.id()), e.occurredAt(),
                    e.actorId() == null ? null : String.valueOf(e.actorId()), e.actorName(), e.action(),
                    e.targetType(), e.targetId(), e.address(), e.outcome().name(), e.detail());
        }
    }

    /** Newest first; {@code from} inclusive, {@code to} exclusive, both ISO-8601 with offset (or a date). */
    @GetMapping
    CursorPage<AuditEntryJson> search(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String targetType,
            @RequestParam(required = false) String targetId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String cursor) {
        var filter = new AuditFilter(actor, action, targetType, targetId, from, to);
        return query.search(filter.toSearch(), PageSize.of(size), cursor).map(AuditEntryJson::of);
    }
}
