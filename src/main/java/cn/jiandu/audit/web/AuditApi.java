package cn.jiandu.audit.web;

import cn.jiandu.audit.AuditEntryView;
import cn.jiandu.audit.chain.ChainVerifier;
import cn.jiandu.audit.chain.HeadExport;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
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

    private static final Logger log = LoggerFactory.getLogger(AuditApi.class);
    private final AuditQuery query;
    private final ChainVerifier verifier;
    private final HeadExport heads;
    private final AuditExport export;

    AuditApi(AuditQuery query, ChainVerifier verifier, HeadExport heads, AuditExport export) {
        this.query = query;
        this.verifier = verifier;
        this.heads = heads;
        this.export = export;
    }

    record VerifyJson(long entries, boolean valid, String firstBreak) {
    }

    @Operation(summary = "Verify the audit hash chain", description = """
            Walks the chain in id order and checks it against every head exported so far (the files in \
            jiandu.audit.head-export.dir), so that a table rewritten as a whole is detected too. firstBreak is the id \
            of the first entry that was edited, removed, added or moved (for a rewrite found by an exported head: \
            that head's entry, the rewrite being at or before it); absent when valid. Administrators only.""")
    @GetMapping("/verify")
    @PreAuthorize("hasRole('ADMIN')")
    VerifyJson verify() {
        var read = heads.checkpoints().read();
        if (!read.unreadable().isEmpty()) {
            log.warn("audit heads that are not checkpoints, not used for verification: {}", read.unreadable());
        }
        var v = verifier.verify(read.checkpoints());
        return new VerifyJson(v.entries(), v.valid(), v.firstBreak() == null ? null : String.valueOf(v.firstBreak()));
    }

    record HeadJson(String lastId, String headHash, long entries, Instant exportedAt) {
    }

    @Operation(summary = "Export the chain's head now", description = """
            What the daily job does at 00:10 Beijing time: writes the head to jiandu.audit.head-export.dir (and \
            POSTs it to the webhook when one is configured). 204 when nothing is chained yet. Administrators only.""")
    @PostMapping("/heads")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<HeadJson> exportHead() {
        return heads.export()
                .map(c -> ResponseEntity.ok(new HeadJson(String.valueOf(c.lastId()), c.headHash(), c.entries(),
                        c.exportedAt())))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /** {@code actorProtected}: a protected person did it (a reporter); actor and address are then withheld. */
    record AuditEntryJson(String id, OffsetDateTime occurredAt, String actorId, String actorName, String action,
            String targetType, String targetId, String address, String outcome, String detail,
            boolean actorProtected) {

        static AuditEntryJson of(AuditEntryView e) {
            return new AuditEntryJson(String.valueOf(e.id()), e.occurredAt(),
                    e.actorId() == null ? null : String.valueOf(e.actorId()), e.actorName(), e.action(),
                    e.targetType(), e.targetId(), e.address(), e.outcome().name(), e.detail(), e.actorProtected());
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

    @Operation(summary = "Export the audit log as .xlsx", description = """
            The same filters as the search; every matching entry, newest first, in the caller's language (操作, 对象 \
            and 结果 in words, names instead of ids), times as date cells in Beijing time.""")
    @GetMapping("/export.xlsx")
    void exportXlsx(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        export.write(new AuditFilter(actor, action, targetType, targetId, from, to).toSearch(), response);
    }
}
