package cn.jiandu.assessment.web;

import cn.jiandu.assessment.AdmonitionStatus;
import cn.jiandu.assessment.AssessmentPermissions;
import cn.jiandu.assessment.domain.Admonition;
import cn.jiandu.assessment.domain.Admonitions;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 约谈 pages: the list (by status) and one record with the discipline secretary's next step. */
@Controller
class AdmonitionPages {

    private final Admonitions admonitions;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final MessageSource messages;

    AdmonitionPages(Admonitions admonitions, UserDirectory users, OrgDirectory org, MessageSource messages) {
        this.admonitions = admonitions;
        this.users = users;
        this.org = org;
        this.messages = messages;
    }

    @GetMapping("/assessment/admonitions")
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    String list(@RequestParam(required = false) String status, JianduPrincipal me, Model model) {
        List<Admonition> rows = admonitions.list(AdmonitionApi.status(status), me, Long.MAX_VALUE, 200);
        model.addAttribute("rows", rows);
        model.addAttribute("names", users.displayNames(rows.stream().map(Admonition::userId).distinct().toList()));
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("statuses", AdmonitionStatus.values());
        return "assessment/admonitions";
    }

    @GetMapping("/assessment/admonitions/{id}")
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    String show(@PathVariable long id, JianduPrincipal me, Model model) {
        return page(admonitions.readable(id, me), me, model);
    }

    /** A refused step is shown again with what was typed and its status (400/409), the error beside the form. */
    @PostMapping("/assessment/admonitions/{id}/actions")
    @PreAuthorize("hasAuthority('assessment:admonition')")
    String act(@PathVariable long id, @RequestParam String action, @RequestParam(required = false) String date,
            @RequestParam(required = false) String summary, @RequestParam(required = false) String followUp,
            JianduPrincipal me, Model model, HttpServletResponse response) {
        try {
            admonitions.act(id, action, parse(date), summary, followUp, me);
            return "redirect:/assessment/admonitions/" + id;
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND || e.kind() == Refusal.Kind.FORBIDDEN) {
                throw e;
            }
            response.setStatus(e.kind() == Refusal.Kind.CONFLICT ? 409 : 400);
            model.addAttribute("error", msg(e));
            model.addAttribute("typedDate", date);
            model.addAttribute("typedSummary", summary);
            model.addAttribute("typedFollowUp", followUp);
            return page(admonitions.readable(id, me), me, model);
        }
    }

    private String page(Admonition a, JianduPrincipal me, Model model) {
        model.addAttribute("a", a);
        model.addAttribute("person", users.displayNames(List.of(a.userId())).get(a.userId()));
        model.addAttribute("unitName", org.find(a.unitId()).map(OrgUnitView::name).orElse(""));
        model.addAttribute("canAct", me.can(AssessmentPermissions.ADMONITION));
        return "assessment/admonition";
    }

    private static LocalDate parse(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw Refusal.invalidField("date", "error.invalidValue");
        }
    }

    private String msg(Refusal e) {
        if (!e.fieldErrors().isEmpty()) {
            Refusal.FieldError f = e.fieldErrors().get(0);
            return messages.getMessage(f.messageKey(), f.args(), f.messageKey(), LocaleContextHolder.getLocale());
        }
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }
}
