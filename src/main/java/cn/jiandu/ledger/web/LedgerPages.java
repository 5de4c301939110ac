package cn.jiandu.ledger.web;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.ledger.LedgerEntry;
import cn.jiandu.ledger.LedgerPeriod;
import cn.jiandu.ledger.LedgerPermissions;
import cn.jiandu.ledger.domain.LedgerQueries;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.web.NavEntry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LedgerPages {

    private final LedgerQueries queries;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final Clock clock;

    LedgerPages(LedgerQueries queries, UserDirectory users, OrgDirectory org, Clock clock) {
        this.queries = queries;
        this.users = users;
        this.org = org;
        this.clock = clock;
    }

    @Bean
    static NavEntry ledgerNav() {
        return new NavEntry(390, "nav.ledger", "/ledger", "📒", me -> me.can(LedgerPermissions.READ));
    }

    /** A period's ledger of the supervisors the viewer may read (the first 100, by appointment). */
    @GetMapping("/ledger")
    @PreAuthorize("hasAuthority('ledger:read')")
    String ledger(@RequestParam(required = false) String period, @RequestParam(required = false) Role type,
            JianduPrincipal me, Model model) {
        LedgerPeriod p;
        try {
            p = period == null || period.isBlank()
                    ? LedgerPeriod.holding(LocalDate.now(clock), LedgerPeriod.Granularity.QUARTER)
                    : LedgerPeriod.parse(period);
        } catch (Refusal r) {
            model.addAttribute("error", "ledger.error.period");
            p = LedgerPeriod.holding(LocalDate.now(clock), LedgerPeriod.Granularity.QUARTER);
        }
        List<LedgerEntry> rows = queries.page(p, type, null, queries.scope(me), 0, 100);
        Map<Long, String> names = users.displayNames(rows.stream().map(LedgerEntry::userId).toList());
        Map<Long, String> units = new java.util.HashMap<>();
        rows.forEach(e -> units.computeIfAbsent(e.unitId(), id -> org.find(id).map(OrgUnitView::name).orElse("")));
        model.addAttribute("period", p.code());
        model.addAttribute("type", type);
        model.addAttribute("types", List.of(Role.BRANCH_INSPECTOR, Role.TEAM_SUPERVISOR, Role.GRID_SUPERVISOR));
        model.addAttribute("rows", rows);
        model.addAttribute("names", names);
        model.addAttribute("units", units);
        return "ledger/ledger";
    }
}
