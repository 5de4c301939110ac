package cn.jiandu.assessment.web;

import cn.jiandu.assessment.AssessmentPermissions;
import cn.jiandu.assessment.domain.Indicator;
import cn.jiandu.assessment.domain.Run;
import cn.jiandu.assessment.domain.RunService;
import cn.jiandu.assessment.domain.SchemeService;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office's, the leader's and the supervisor's pages of an assessment run. */
@Controller
class AssessmentRunPages {

    private final RunService runs;
    private final SchemeService schemes;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final MessageSource messages;

    AssessmentRunPages(RunService runs, SchemeService schemes, UserDirectory users, OrgDirectory org,
            MessageSource messages) {
        this.runs = runs;
        this.schemes = schemes;
        this.users = users;
        this.org = org;
        this.messages = messages;
    }

    @GetMapping("/assessment/runs")
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    String list(JianduPrincipal me, Model model) {
        model.addAttribute("runs", runs.list(me));
        model.addAttribute("schemes", me.can(AssessmentPermissions.RUN) ? schemes.current(null) : List.of());
        model.addAttribute("me", me);
        // who opens a run's whole result list (the rest open their own result); decided here, not in the link:
        // Thymeleaf refuses static class access (T(...)) inside th:href
        model.addAttribute("readsWholeRuns", me.can(AssessmentPermissions.READ_ALL) || me.has(Role.BRANCH_SECRETARY));
        return "assessment/runs";
    }

    @PostMapping("/assessment/runs")
    @PreAuthorize("hasAuthority('assessment:run')")
    String start(@RequestParam long schemeId, @RequestParam String period, JianduPrincipal me,
            RedirectAttributes flash) {
        try {
            Run r = runs.start(schemeId, period, me);
            return "redirect:/assessment/runs/" + r.id();
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND) {
                throw e;
            }
            flash.addFlashAttribute("error", msg(e));
            return "redirect:/assessment/runs";
        }
    }

    @GetMapping("/assessment/runs/{id}")
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    String run(@PathVariable long id, JianduPrincipal me, Model model) {
        Run run = runs.readable(id, me);
        List<RunService.ResultView> results = runs.results(run, me, 0, 1000);
        model.addAttribute("run", run);
        model.addAttribute("results", results);
        model.addAttribute("names", users.displayNames(results.stream().map(RunService.ResultView::userId).toList()));
        model.addAttribute("units", unitNames(results));
        model.addAttribute("entered", schemes.get(run.schemeId()).definition().dimensions().stream()
                .flatMap(d -> d.indicators().stream()).filter(Indicator::entered).toList());
        model.addAttribute("me", me);
        model.addAttribute("canRun", me.can(AssessmentPermissions.RUN));
        model.addAttribute("canPublish", me.can(AssessmentPermissions.PUBLISH));
        return "assessment/run";
    }

    @PostMapping("/assessment/runs/{id}/scores")
    @PreAuthorize("hasAuthority('assessment:run')")
    String score(@PathVariable long id, @RequestParam long appointmentId, @RequestParam String indicatorCode,
            @RequestParam(required = false) BigDecimal score, @RequestParam(required = false) String reason,
            JianduPrincipal me, RedirectAttributes flash) {
        try {
            runs.enter(id, appointmentId, indicatorCode, score, reason, me);
            flash.addFlashAttribute("notice", messages.getMessage("assessment.run.saved", null,
                    LocaleContextHolder.getLocale()));
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND) {
                throw e;
            }
            flash.addFlashAttribute("error", msg(e));
        }
        return "redirect:/assessment/runs/" + id + "#result-" + appointmentId;
    }

    @PostMapping("/assessment/runs/{id}/actions")
    @PreAuthorize("hasAuthority('assessment:run') or hasAuthority('assessment:publish')")
    String act(@PathVariable long id, @RequestParam String action, @RequestParam(required = false) String comment,
            JianduPrincipal me, RedirectAttributes flash) {
        try {
            Run r = runs.act(id, action, comment, me);
            return "redirect:/assessment/runs/" + r.id();
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND || e.kind() == Refusal.Kind.FORBIDDEN) {
                throw e;
            }
            flash.addFlashAttribute("error", msg(e));
            return "redirect:/assessment/runs/" + id;
        }
    }

    /** The supervisor's own result with its breakdown, and his objection. */
    @GetMapping("/assessment/runs/{id}/mine")
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    String mine(@PathVariable long id, JianduPrincipal me, Model model) {
        Run run = runs.readable(id, me);
        List<RunService.ResultView> own = runs.results(run, me, 0, 1000).stream()
                .filter(r -> r.userId() == me.id()).toList();
        if (own.isEmpty()) {
            throw Refusal.notFound();
        }
        Map<Long, Object> objections = new HashMap<>();
        own.forEach(r -> runs.objection(id, r.appointmentId()).ifPresent(o -> objections.put(r.appointmentId(),
                o.get("text"))));
        Map<String, String> names = new HashMap<>();
        schemes.get(run.schemeId()).definition().dimensions().forEach(d -> {
            names.put(d.code(), d.name());
            d.indicators().forEach(i -> names.put(i.code(), i.name()));
        });
        model.addAttribute("run", run);
        model.addAttribute("own", own);
        model.addAttribute("objections", objections);
        model.addAttribute("labels", names);
        model.addAttribute("units", unitNames(own));
        return "assessment/mine";
    }

    @PostMapping("/assessment/runs/{id}/mine/{appointmentId}/objection")
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    String object(@PathVariable long id, @PathVariable long appointmentId, @RequestParam(required = false) String text,
            JianduPrincipal me, RedirectAttributes flash) {
        try {
            runs.object(id, appointmentId, text, me);
            flash.addFlashAttribute("notice", messages.getMessage("assessment.objection.sent", null,
                    LocaleContextHolder.getLocale()));
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND) {
                throw e;
            }
            flash.addFlashAttribute("error", msg(e));
        }
        return "redirect:/assessment/runs/" + id + "/mine";
    }

    private Map<Long, String> unitNames(List<RunService.ResultView> rows) {
        Map<Long, String> units = new HashMap<>();
        rows.forEach(r -> units.computeIfAbsent(r.unitId(), u -> org.find(u).map(OrgUnitView::name).orElse("")));
        return units;
    }

    private String msg(Refusal e) {
        if (!e.fieldErrors().isEmpty()) {
            Refusal.FieldError f = e.fieldErrors().get(0);
            return messages.getMessage(f.messageKey(), f.args(), f.messageKey(), LocaleContextHolder.getLocale());
        }
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }
}
