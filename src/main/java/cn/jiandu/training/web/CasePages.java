package cn.jiandu.training.web;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.RefusalStatus;
import cn.jiandu.shared.web.Uploads;
import cn.jiandu.training.CaseAction;
import cn.jiandu.training.CaseKind;
import cn.jiandu.training.CaseStatus;
import cn.jiandu.training.TrainingPermissions;
import cn.jiandu.training.domain.CaseCommand;
import cn.jiandu.training.domain.CaseMeetings;
import cn.jiandu.training.domain.CaseQueries;
import cn.jiandu.training.domain.CaseService;
import cn.jiandu.training.domain.TrainingCase;
import cn.jiandu.training.domain.WarningCaseDrafter;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case pages: the library (published cases by quarter, type and unit, searchable, and his own cases), the
 * submit form (a phone), a case with the author's edit form or the office's actions, the office's review queue
 * with the 警示教育 drafting form, and the exchange meetings. A refused form is shown again with what was typed.
 */
@Controller
class CasePages {

    private final CaseService service;
    private final CaseQueries queries;
    private final CaseMeetings meetings;
    private final WarningCaseDrafter drafter;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final MessageSource messages;

    CasePages(CaseService service, CaseQueries queries, CaseMeetings meetings, WarningCaseDrafter drafter,
            UserDirectory users, OrgDirectory org, MessageSource messages) {
        this.service = service;
        this.queries = queries;
        this.meetings = meetings;
        this.drafter = drafter;
        this.users = users;
        this.org = org;
        this.messages = messages;
    }

    @GetMapping("/cases")
    String library(JianduPrincipal me, @RequestParam(required = false) String quarter,
            @RequestParam(required = false) CaseKind kind, @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) String q, @RequestParam(required = false) String cursor, Model model) {
        String qt = quarter == null || quarter.isBlank() ? null : quarter.strip();
        model.addAttribute("page", queries.list(me, new CaseQueries.Filter(CaseStatus.PUBLISHED, kind, qt, unitId,
                q, false), cursor, 20));
        model.addAttribute("mine", me.isSupervisor()
                ? queries.list(me, new CaseQueries.Filter(null, null, null, null, null, true), null, 50).items()
                : List.of());
        model.addAttribute("quarter", qt);
        model.addAttribute("kind", kind);
        model.addAttribute("unitId", unitId);
        model.addAttribute("q", q);
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("units", org.all());
        model.addAttribute("maySubmit", me.isSupervisor());
        model.addAttribute("mayReview", me.can(TrainingPermissions.CASES_REVIEW));
        return "training/cases";
    }

    @GetMapping("/cases/new")
    String newCase(JianduPrincipal me, Model model) {
        if (!me.isSupervisor()) {
            throw Refusal.forbidden("case.error.notSupervisor");
        }
        model.addAttribute("form", new CaseCommand("", "", "", "", "", List.of()));
        return "training/case-new";
    }

    @PostMapping("/cases")
    String submit(JianduPrincipal me, CaseForm form,
            @RequestParam(value = "files", required = false) List<MultipartFile> files, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            TrainingCase c = service.submit(me, form.command(), Uploads.of(nonEmpty(files)));
            redirect.addFlashAttribute("notice", msg("case.submitted"));
            return "redirect:/cases/" + c.id();
        } catch (Refusal e) {
            refused(e, model, response);
            model.addAttribute("form", form.command());
            model.addAttribute("problemIdsText", form.problemIds());
            return "training/case-new";
        }
    }

    @GetMapping("/cases/{id}")
    String show(JianduPrincipal me, @PathVariable long id, Model model) {
        TrainingCase c = service.visible(me, id);
        return show(me, c, model);
    }

    private String show(JianduPrincipal me, TrainingCase c, Model model) {
        model.addAttribute("c", queries.view(me, c));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new CaseCommand(c.text().title(), c.text().background(), c.text().finding(),
                    c.text().handling(), c.text().effect(), null));
        }
        boolean office = me.can(TrainingPermissions.CASES_REVIEW);
        model.addAttribute("office", office);
        model.addAttribute("meetings", office && c.kind() == CaseKind.EXCELLENT ? meetings.list(me) : List.of());
        model.addAttribute("actions", office ? Arrays.stream(CaseAction.values())
                .filter(a -> allowed(c, a)).toList() : List.of());
        return "training/case";
    }

    private static boolean allowed(TrainingCase c, CaseAction a) {
        try {
            c.after(a);
            return true;
        } catch (Refusal e) {
            return false;
        }
    }

    @PostMapping("/cases/{id}/edit")
    String edit(JianduPrincipal me, @PathVariable long id, CaseForm form,
            @RequestParam(value = "files", required = false) List<MultipartFile> files, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            service.edit(me, id, form.command(), Uploads.of(nonEmpty(files)));
            redirect.addFlashAttribute("notice", msg("case.done"));
            return "redirect:/cases/" + id;
        } catch (Refusal e) {
            TrainingCase c = service.visible(me, id);
            refused(e, model, response);
            model.addAttribute("form", form.command());
            return show(me, c, model);
        }
    }

    @PostMapping("/cases/{id}/actions")
    String act(JianduPrincipal me, @PathVariable long id, @RequestParam(required = false) CaseAction action,
            @RequestParam(required = false) String comment, @RequestParam(required = false) Long meetingId,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            service.act(me, id, action, comment, meetingId);
            redirect.addFlashAttribute("notice", msg("case.done"));
            return "redirect:/cases/" + id;
        } catch (Refusal e) {
            TrainingCase c = service.visible(me, id);
            refused(e, model, response);
            model.addAttribute("comment", comment);
            return show(me, c, model);
        }
    }

    @GetMapping("/cases/review")
    String review(JianduPrincipal me, Model model) {
        if (!me.can(TrainingPermissions.CASES_REVIEW)) {
            throw Refusal.forbidden();
        }
        model.addAttribute("submitted", queries.list(me, new CaseQueries.Filter(CaseStatus.SUBMITTED, null, null,
                null, null, false), null, 100).items());
        model.addAttribute("accepted", queries.list(me, new CaseQueries.Filter(CaseStatus.ACCEPTED, null, null,
                null, null, false), null, 100).items());
        return "training/case-review";
    }

    @PostMapping("/cases/from-problem")
    String fromProblem(JianduPrincipal me, @RequestParam(required = false) Long problemId, Model model,
            HttpServletResponse response) {
        try {
            if (problemId == null) {
                throw Refusal.invalidField("problemId", "case.error.required");
            }
            return "redirect:/cases/" + drafter.draft(me, problemId).id();
        } catch (Refusal e) {
            refused(e, model, response);
            model.addAttribute("problemId", problemId);
            return review(me, model);
        }
    }

    @GetMapping("/cases/meetings")
    String meetingList(JianduPrincipal me, Model model) {
        model.addAttribute("meetings", meetings.list(me));
        boolean office = me.can(TrainingPermissions.CASES_REVIEW);
        model.addAttribute("office", office);
        model.addAttribute("selectable", office ? queries.list(me, new CaseQueries.Filter(CaseStatus.ACCEPTED,
                CaseKind.EXCELLENT, null, null, null, false), null, 100).items() : List.of());
        return "training/case-meetings";
    }

    @PostMapping("/cases/meetings")
    String plan(JianduPrincipal me, @RequestParam(required = false) String quarter,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String place, @RequestParam(required = false) String presenters,
            @RequestParam(required = false) List<Long> caseIds, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            List<Long> presenterIds = new ArrayList<>();
            for (String u : (presenters == null ? "" : presenters).split("[,，\\s]+")) {
                if (!u.isBlank()) {
                    presenterIds.add(users.findByUsername(u.strip()).map(UserView::id)
                            .orElseThrow(() -> Refusal.invalidField("presenterIds", "case.error.presenterIds")));
                }
            }
            meetings.plan(me, new CaseMeetings.MeetingCommand(quarter, date, place, presenterIds,
                    caseIds == null ? List.of() : caseIds));
            redirect.addFlashAttribute("notice", msg("case.done"));
            return "redirect:/cases/meetings";
        } catch (Refusal e) {
            refused(e, model, response);
            model.addAttribute("typed", new Object[] {quarter, date, place, presenters});
            return meetingList(me, model);
        }
    }

    /** The form's fields; {@code problemIds} as typed (ids separated by commas or spaces). */
    record CaseForm(String title, String background, String finding, String handling, String effect,
            String problemIds) {

        CaseCommand command() {
            List<Long> ids = new ArrayList<>();
            for (String p : (problemIds == null ? "" : problemIds).split("[,，\\s]+")) {
                if (!p.isBlank()) {
                    try {
                        ids.add(Long.parseLong(p.strip()));
                    } catch (NumberFormatException e) {
                        throw Refusal.invalidField("problemIds", "case.error.problemIds");
                    }
                }
            }
            return new CaseCommand(title, background, finding, handling, effect, ids.isEmpty() ? null : ids);
        }
    }

    private static List<MultipartFile> nonEmpty(List<MultipartFile> files) {
        // a browser sends one empty, nameless part when no file was chosen
        return files == null ? List.of() : files.stream()
                .filter(f -> !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty())))
                .toList();
    }

    /** A 400 or 409 shows the form again; 403 and 404 are the error page's. */
    private void refused(Refusal e, Model model, HttpServletResponse response) {
        int status = RefusalStatus.of(e).value();
        if (status == 403 || status == 404) {
            throw e;
        }
        response.setStatus(RefusalStatus.of(e).value());
        Locale locale = LocaleContextHolder.getLocale();
        if (e.fieldErrors().isEmpty()) {
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        } else {
            java.util.Map<String, String> byField = new java.util.LinkedHashMap<>();
            e.fieldErrors().forEach(f -> byField.merge(f.field(),
                    messages.getMessage(f.messageKey(), f.args(), f.messageKey(), locale), (a, b) -> a + "；" + b));
            model.addAttribute("fieldErrors", byField);
            model.addAttribute("error", String.join("；", byField.values()));
        }
    }

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
