package cn.jiandu.ledger.web;

import cn.jiandu.ledger.domain.LedgerFindings;
import cn.jiandu.ledger.domain.LedgerQueries;
import cn.jiandu.shared.security.JianduPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ledger/{appointmentId}/findings")
@Tag(name = "ledger", description = "履职成效记录台账")
class FindingsApi {

    record FindingJson(String id, String appointmentId, String period, String finding, String suggestion,
            boolean acknowledged, Instant recordedAt, Instant acknowledgedAt) {
        static FindingJson of(LedgerFindings.Finding f) {
            return new FindingJson(String.valueOf(f.id()), String.valueOf(f.appointmentId()), f.period(), f.finding(),
                    f.suggestion(), f.acknowledgedAt() != null, f.recordedAt(), f.acknowledgedAt());
        }
    }

    record FindingForm(String period, String finding, String suggestion) {
    }

    private final LedgerQueries queries;
    private final LedgerFindings findings;

    FindingsApi(LedgerQueries queries, LedgerFindings findings) {
        this.queries = queries;
        this.findings = findings;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('ledger:read')")
    @Operation(description = "The office's findings (指出问题) and suggestions (整改建议) for this supervisor, newest "
            + "first; readable by whoever may read the appointment's ledger (a supervisor only his own, else 404).")
    List<FindingJson> list(@PathVariable long appointmentId, JianduPrincipal me) {
        var a = queries.visible(appointmentId, queries.scope(me));
        return findings.of(a.appointmentId()).stream().map(FindingJson::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('ledger:findings')")
    @Operation(description = "The office records a finding for a period (2026-Q3, 2026-09, 2026-H2 or 2026): "
            + "`finding` required (≤ 2000 characters), `suggestion` optional.")
    FindingJson record(@PathVariable long appointmentId, @RequestBody FindingForm form, JianduPrincipal me) {
        var a = queries.visible(appointmentId, queries.scope(me));
        return FindingJson.of(findings.record(a, form.period(), form.finding(), form.suggestion(), me.id()));
    }

    @PostMapping("/{id}/acknowledge")
    @PreAuthorize("hasAuthority('ledger:read')")
    @Operation(description = "The supervisor acknowledges a finding on his own appointment (idempotent: the first "
            + "acknowledgement's time is kept); another's appointment → 404, one he may only read → 403.")
    FindingJson acknowledge(@PathVariable long appointmentId, @PathVariable long id, JianduPrincipal me) {
        var a = queries.visible(appointmentId, queries.scope(me));
        return FindingJson.of(findings.acknowledge(a, id, me.id()));
    }
}
