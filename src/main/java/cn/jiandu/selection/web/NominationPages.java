package cn.jiandu.selection.web;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.selection.NominationAction;
import cn.jiandu.selection.NominationStatus;
import cn.jiandu.selection.SelectionPermissions;
import cn.jiandu.selection.domain.NominationQueries;
import cn.jiandu.selection.domain.NominationService;
import cn.jiandu.selection.domain.NominationService.ActionCommand;
import cn.jiandu.selection.domain.NominationService.BatchOutcome;
import cn.jiandu.selection.domain.NominationService.SubmitCommand;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.paging.PageSize;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.web.Uploads;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 七步法 pages: my queue (batch approval), the nomination form, one nomination with its chain and actions. */
@Controller
class NominationPages {

    private final NominationService service;
    private final NominationQueries queries;
    private final NominationApi api;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final MessageSource messages;

    NominationPages(NominationService service, NominationQueries queries, NominationApi api, UserDirectory users,
            OrgDirectory org, MessageSource messages) {
        this.service = service;
        this.queries = queries;
        this.api = api;
        this.users = users;
        this.org = org;
        this.messages = messages;
    }

    @GetMapping("/nominations")
    String queue(JianduPrincipal me, @RequestParam(defaultValue = "mine") String tab,
            @RequestParam(required = false) NominationStatus status, @RequestParam(required = false) Role type,
            @RequestParam(required = false) Integer step, @RequestParam(required = false) String cursor, Model model) {
        boolean waiting = tab.equals("mine");
        model.addAttribute("page", queries.list(me, new NominationQueries.Filter(waiting ? null : status,
                waiting ? null : step, waiting, type), PageSize.DEFAULT, cursor));
        model.addAttribute("tab", waiting ? "mine" : "all");
        model.addAttribute("status", status);
        model.addAttribute("statuses", NominationStatus.values());
        model.addAttribute("canNominate", me.can(SelectionPermissions.NOMINATE));
        return "selection/nominations";
    }

    @PostMapping("/nominations/batch-approve")
    String batch(JianduPrincipal me, @RequestParam(required = false) List<Long> ids,
            @RequestParam(required = false) String opinion, RedirectAttributes redirect) {
        try {
            List<BatchOutcome> out = service.batchApprove(me, ids, opinion);
            long ok = out.stream().filter(o -> o.outcome().equals("APPROVED")).count();
            redirect.addFlashAttribute("notice", msg("nomination.batch.done", ok, out.size() - ok));
        } catch (Refusal e) {
            redirect.addFlashAttribute("error", msg(e));
        }
        return "redirect:/nominations";
    }

    @GetMapping("/nominations/new")
    @PreAuthorize("hasAuthority('nomination:create')")
    String form(JianduPrincipal me, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        model.addAttribute("units", scopeUnits(me));
        model.addAttribute("types", List.of(Role.BRANCH_INSPECTOR, Role.TEAM_SUPERVISOR, Role.GRID_SUPERVISOR));
        model.addAttribute("today", LocalDate.now(cn.jiandu.shared.time.ClockConfig.ZONE));
        return "selection/nomination-form";
    }

    private List<OrgUnitView> scopeUnits(JianduPrincipal me) {
        OrgUnitView mine = org.find(me.orgUnitId()).orElse(null);
        return org.all().stream().filter(u -> u.type() == cn.jiandu.org.OrgUnitType.PARTY_BRANCH
                || u.type() == cn.jiandu.org.OrgUnitType.TEAM || u.type() == cn.jiandu.org.OrgUnitType.GRID)
                .filter(u -> me.isAdmin() || (mine != null && mine.contains(u))).toList();
    }

    @PostMapping("/nominations")
    @PreAuthorize("hasAuthority('nomination:create')")
    String submit(JianduPrincipal me, @RequestParam(required = false) String candidate,
            @RequestParam(required = false) String type, @RequestParam(required = false) Long scopeUnitId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate meetingDate,
            @RequestParam(required = false) Integer present, @RequestParam(required = false) Integer votesFor,
            @RequestParam(required = false) Integer votesAgainst, @RequestParam(required = false) Integer abstentions,
            @RequestParam(required = false) String reason,
            @RequestParam(value = "minutes", required = false) MultipartFile minutes, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        Long candidateId = candidate == null ? null
                : users.findByUsername(candidate.strip()).map(UserView::id).orElse(-1L);
        try {
            var n = service.submit(me, new SubmitCommand(candidateId, type, scopeUnitId, meetingDate, present,
                    votesFor, votesAgainst, abstentions, reason, overrides(request)),
                    minutes == null || minutes.isEmpty() ? null : Uploads.of(minutes));
            redirect.addFlashAttribute("notice", msg("nomination.submitted", n.number()));
            return "redirect:/nominations/" + n.id();
        } catch (Refusal e) {
            model.addAttribute("error", msg(e));
            model.addAttribute("needsOverride", e.fieldErrors().stream()
                    .anyMatch(f -> f.field().startsWith("overrideReasons.")));
            model.addAttribute("failedChecks", e.fieldErrors().stream().map(Refusal.FieldError::field)
                    .filter(f -> f.startsWith("overrideReasons.")).map(f -> f.substring(16)).toList());
            model.addAttribute("form", request.getParameterMap());
            return form(me, model);
        }
    }

    static Map<String, String> overrides(HttpServletRequest request) {
        Map<String, String> out = new HashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (k.startsWith("override.") && v.length > 0 && !v[0].isBlank()) {
                out.put(k.substring("override.".length()), v[0]);
            }
        });
        return out;
    }

    @GetMapping("/nominations/{id}")
    String detail(JianduPrincipal me, @PathVariable long id, Model model) {
        NominationQueries.Detail d = queries.detail(me, id);
        model.addAttribute("n", api.json(d));
        model.addAttribute("d", d);
        int current = d.summary().nomination().currentStep();
        model.addAttribute("earlierSteps", d.steps().stream().filter(s -> s.step().position() < current).toList());
        NominationService.Colleagues colleagues = service.colleagues(me, id);
        model.addAttribute("colleagues", colleagues.users());
        model.addAttribute("canWithdraw", d.nominator() && !d.summary().nomination().status().finished()
                && current <= 2);
        return "selection/nomination";
    }

    @PostMapping("/nominations/{id}/actions")
    String act(JianduPrincipal me, @PathVariable long id, @RequestParam NominationAction action,
            @RequestParam(required = false) String opinion, @RequestParam(required = false) Integer toStep,
            @RequestParam(required = false) Long toUserId, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            service.act(me, id, new ActionCommand(action, opinion, toStep, toUserId, overrides(request)));
            redirect.addFlashAttribute("notice", msg(action.messageKey()) + " ✓");
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", msg(e));
        }
        return "redirect:/nominations/" + id;
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private String msg(Refusal e) {
        Locale locale = LocaleContextHolder.getLocale();
        if (!e.fieldErrors().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Refusal.FieldError f : e.fieldErrors()) {
                String field = f.field().startsWith("overrideReasons.")
                        ? messages.getMessage("eligibility.check." + f.field().substring(16), null, f.field(), locale)
                        : messages.getMessage("nomination.field." + f.field(), null, f.field(), locale);
                if (!sb.isEmpty()) {
                    sb.append("；");
                }
                sb.append(field).append("：").append(messages.getMessage(f.messageKey(), f.args(), f.messageKey(),
                        locale));
            }
            return sb.toString();
        }
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
    }
}
