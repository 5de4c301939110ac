package cn.jiandu.problem.web;

import cn.jiandu.org.OrgDirectory;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.Warning;
import cn.jiandu.problem.domain.CategoryRepository;
import cn.jiandu.problem.domain.ProblemFilter;
import cn.jiandu.problem.domain.ProblemQueries;
import cn.jiandu.problem.domain.ProblemSummary;
import cn.jiandu.problem.domain.TransferProposals;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.web.ApiException;
import cn.jiandu.shared.web.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The lists: 我的反映, the handling unit's queues, the admin's 待分办 queue (with the units' clue-transfer proposals
 * waiting for him above it) and the ledger. One handler per page serves the full page and, for htmx ("load more"),
 * just the next rows.
 */
@Controller
class ProblemListPages {

    private static final int PAGE = 20;
    private static final int PROPOSALS_SHOWN = 100;

    private final ProblemQueries queries;
    private final CategoryRepository categories;
    private final OrgDirectory org;
    private final LedgerExport export;
    private final TransferProposals proposals;

    ProblemListPages(ProblemQueries queries, CategoryRepository categories, OrgDirectory org, LedgerExport export,
            TransferProposals proposals) {
        this.queries = queries;
        this.proposals = proposals;
        this.categories = categories;
        this.org = org;
        this.export = export;
    }

    private static final List<String> MINE_TABS = List.of("all", "open", "REPLIED", "CLOSED");
    private static final List<String> QUEUE_TABS = List.of("DISPATCHED", "IN_PROGRESS", "dueSoon", "overdue",
            "REPLIED", "CLOSED");

    /** 我的反映 in tabs 全部/办理中/待评价/已办结, each with its count. */
    @GetMapping("/problems/mine")
    String mine(JianduPrincipal me, @RequestParam(defaultValue = "all") String tab,
            @RequestParam(required = false) String cursor, Model model,
            HtmxRequest hx) {
        String current = MINE_TABS.contains(tab) ? tab : "all";
        if (cursor == null) {
            Map<String, Long> counts = new LinkedHashMap<>();
            MINE_TABS.forEach(t -> counts.put(t, queries.count(me, mineFilter(t))));
            model.addAttribute("counts", counts);
        }
        model.addAttribute("tab", current);
        model.addAttribute("tabs", MINE_TABS);
        return page(me, mineFilter(current), cursor, model, hx, "problem/mine");
    }

    /** The handling unit's queue: what waits on it, what waits on the reporter, what is done; searchable. */
    @GetMapping("/problems/queue")
    @PreAuthorize("hasRole('HANDLER') or hasAuthority('problem:handle')")
    String queue(JianduPrincipal me, @RequestParam(defaultValue = "DISPATCHED") String tab,
            @RequestParam(required = false) String q, @RequestParam(required = false) String cursor, Model model,
            HtmxRequest hx) {
        String current = QUEUE_TABS.contains(tab) ? tab : "DISPATCHED";
        String search = blank(q);
        if (cursor == null) {
            Map<String, Long> counts = new LinkedHashMap<>();
            QUEUE_TABS.forEach(t -> counts.put(t, queries.count(me, queueFilter(t, search))));
            model.addAttribute("counts", counts);
        }
        model.addAttribute("tab", current);
        model.addAttribute("tabs", QUEUE_TABS);
        model.addAttribute("q", search == null ? "" : search);
        return page(me, queueFilter(current, search), cursor, model, hx, "problem/queue");
    }

    private static ProblemFilter mineFilter(String tab) {
        return switch (tab) {
            case "open" -> new ProblemFilter(null, null, null, null, null, null, null, true, false, false, true);
            case "REPLIED", "CLOSED" -> new ProblemFilter(ProblemStatus.valueOf(tab), null, null, null, null, null,
                    null, true, false);
            default -> new ProblemFilter(null, null, null, null, null, null, null, true, false);
        };
    }

    private static ProblemFilter queueFilter(String tab, String q) {
        return switch (tab) {
            case "IN_PROGRESS", "REPLIED", "CLOSED" -> filter(ProblemStatus.valueOf(tab), null, q);
            case "dueSoon" -> filter(null, Warning.YELLOW, q);
            case "overdue" -> filter(null, Warning.RED, q);
            default -> filter(ProblemStatus.DISPATCHED, null, q);
        };
    }

    @GetMapping("/problems/dispatch")
    @PreAuthorize("hasAuthority('problem:dispatch')")
    String dispatchQueue(JianduPrincipal me, @RequestParam(required = false) String cursor, Model model,
            HtmxRequest hx) {
        ProblemFilter f = new ProblemFilter(ProblemStatus.PENDING_DISPATCH, null, null, null, null, null, null, false,
                false);
        if (cursor == null) {
            model.addAttribute("proposals", proposals.pending(me, PROPOSALS_SHOWN));
        }
        return page(me, f, cursor, model, hx, "problem/dispatch");
    }

    @GetMapping("/problems/ledger")
    String ledger(JianduPrincipal me, LedgerQuery query, @RequestParam(required = false) String cursor, Model model,
            HtmxRequest hx) {
        requireLedger(me);
        ProblemFilter f = query.filter();
        model.addAttribute("f", f);
        model.addAttribute("statuses", ProblemStatus.values());
        model.addAttribute("warnings", Warning.values());
        model.addAttribute("categories", categories.all());
        model.addAttribute("units", org.all());
        model.addAttribute("exportUrl", ServletUriComponentsBuilder.fromCurrentRequest().replacePath(
                "/problems/ledger/export.xlsx").replaceQueryParam("cursor").build().toUriString());
        return page(me, f, cursor, model, hx, "problem/ledger");
    }

    @GetMapping("/problems/ledger/export.xlsx")
    void exportLedger(JianduPrincipal me, LedgerQuery query, HttpServletResponse response) throws IOException {
        requireLedger(me);
        export.write(me, query.filter(), response);
    }

    private String page(JianduPrincipal me, ProblemFilter f, String cursor, Model model, HtmxRequest hx, String view) {
        CursorPage<ProblemSummary> page = queries.list(me, f, PAGE, cursor);
        model.addAttribute("page", page);
        model.addAttribute("moreUrl", page.nextCursor() == null ? null : ServletUriComponentsBuilder
                .fromCurrentRequest().replaceQueryParam("cursor", page.nextCursor()).build().toUriString());
        return hx.isHtmx() && cursor != null ? "problem/rows :: rows" : view;
    }

    private static ProblemFilter filter(ProblemStatus status, Warning warning, String q) {
        return new ProblemFilter(status, null, null, warning, q, null, null, false, true);
    }

    /** The ledger is the office's, the leaders' and the branch secretaries' (each within his data scope). */
    private static void requireLedger(JianduPrincipal me) {
        if (!me.seesEverything() && !me.has(Role.BRANCH_SECRETARY)) {
            throw ApiException.forbidden();
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
