package cn.jiandu.problem.web;

import cn.jiandu.org.OrgDirectory;
import cn.jiandu.problem.domain.ProblemStats;
import cn.jiandu.shared.security.JianduPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 数据看板: headline cards rendered on the server, charts drawn by static/js/problem.js from the JSON below. */
@Controller
@PreAuthorize("hasAuthority('dashboard:read')")
class DashboardPages {

    private final ProblemStats stats;
    private final StatsScope scope;
    private final OrgDirectory org;
    private final Clock clock;

    DashboardPages(ProblemStats stats, StatsScope scope, OrgDirectory org, Clock clock) {
        this.stats = stats;
        this.scope = scope;
        this.org = org;
        this.clock = clock;
    }

    @GetMapping("/problems/dashboard")
    String page(JianduPrincipal me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long orgUnitId, Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate f = from == null ? today.withDayOfYear(1) : from;
        LocalDate t = to == null ? today : to;
        Long unit = scope.unitFor(me, orgUnitId);
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("orgUnitId", unit);
        model.addAttribute("units", org.all());
        model.addAttribute("s", stats.compute(f, t, unit));
        model.addAttribute("dataUrl", "/problems/dashboard/data?from=" + f + "&to=" + t
                + (unit == null ? "" : "&orgUnitId=" + unit));
        return "problem/dashboard";
    }

    @GetMapping("/problems/dashboard/data")
    @ResponseBody
    ProblemStats.Stats data(JianduPrincipal me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long orgUnitId) {
        return stats.compute(from, to, scope.unitFor(me, orgUnitId));
    }
}
