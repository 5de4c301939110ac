package cn.jiandu.ledger.web;

import cn.jiandu.ledger.LedgerPermissions;
import cn.jiandu.ledger.domain.LedgerFindings;
import cn.jiandu.ledger.domain.LedgerQueries;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.NavAttention;
import cn.jiandu.shared.web.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 指出问题 / 整改建议 in the browser: without an appointment, the caller's own findings with an acknowledge button
 * (the home tile counts those not yet acknowledged); with one, that supervisor's findings and, for the office, the
 * form to record a new one.
 */
@Controller
class FindingsPages {

    private final LedgerQueries queries;
    private final LedgerFindings findings;

    FindingsPages(LedgerQueries queries, LedgerFindings findings) {
        this.queries = queries;
        this.findings = findings;
    }

    @Bean
    static NavEntry findingsNav() {
        return new NavEntry(391, "nav.ledger.findings", "/ledger/findings", "📝",
                me -> me.can(LedgerPermissions.READ));
    }

    @Bean
    static NavAttention findingsWaiting(LedgerFindings findings) {
        return new NavAttention() {
            @Override
            public String href() {
                return "/ledger/findings";
            }

            @Override
            public long waitingFor(JianduPrincipal me) {
                return findings.openFor(me.id()).size();
            }
        };
    }

    @GetMapping("/ledger/findings")
    @PreAuthorize("hasAuthority('ledger:read')")
    String page(@RequestParam(required = false) Long appointment, JianduPrincipal me, Model model) {
        if (appointment == null) {
            model.addAttribute("findings", findings.ofUser(me.id()));
        } else {
            var a = queries.visible(appointment, queries.scope(me));
            model.addAttribute("appointment", a.appointmentId());
            model.addAttribute("findings", findings.of(a.appointmentId()));
            model.addAttribute("canRecord", me.can(LedgerPermissions.RECORD_FINDINGS));
        }
        return "ledger/findings";
    }

    @PostMapping("/ledger/findings")
    @PreAuthorize("hasAuthority('ledger:findings')")
    String record(@RequestParam long appointment, @RequestParam(required = false) String period,
            @RequestParam(required = false) String finding, @RequestParam(required = false) String suggestion,
            JianduPrincipal me, Model model) {
        var a = queries.visible(appointment, queries.scope(me));
        try {
            findings.record(a, period, finding, suggestion, me.id());
        } catch (Refusal r) {
            if (r.kind() != Refusal.Kind.INVALID) {
                throw r;
            }
            model.addAttribute("error", "ledger.error.findingText");
            return page(appointment, me, model);
        }
        return "redirect:/ledger/findings?appointment=" + appointment;
    }

    @PostMapping("/ledger/findings/{id}/acknowledge")
    @PreAuthorize("hasAuthority('ledger:read')")
    String acknowledge(@PathVariable long id, @RequestParam long appointment, JianduPrincipal me) {
        var a = queries.visible(appointment, queries.scope(me));
        findings.acknowledge(a, id, me.id());
        return "redirect:/ledger/findings";
    }
}
