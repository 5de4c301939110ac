package cn.jiandu.assessment.web;

import cn.jiandu.assessment.AssessmentPermissions;
import cn.jiandu.assessment.domain.Bulletin;
import cn.jiandu.assessment.domain.Bulletins;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.NavEntry;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 季通报 pages: the list with the office's draft form, and one bulletin with its text fields and figures. */
@Controller
class BulletinPages {

    private final Bulletins bulletins;
    private final MessageSource messages;

    BulletinPages(Bulletins bulletins, MessageSource messages) {
        this.bulletins = bulletins;
        this.messages = messages;
    }

    @Bean
    static NavEntry bulletinNav() {
        return new NavEntry(420, "assessment.bulletins", "/assessment/bulletins", "📰",
                me -> me.can(AssessmentPermissions.SCHEME_READ));
    }

    @GetMapping("/assessment/bulletins")
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    String list(JianduPrincipal me, Model model) {
        model.addAttribute("bulletins", bulletins.list(me));
        model.addAttribute("canDraft", me.can(AssessmentPermissions.BULLETIN));
        return "assessment/bulletins";
    }

    @PostMapping("/assessment/bulletins")
    @PreAuthorize("hasAuthority('assessment:bulletin')")
    String draft(@RequestParam(required = false) String quarter, JianduPrincipal me, Model model,
            HttpServletResponse response) {
        try {
            return "redirect:/assessment/bulletins/" + bulletins.draft(quarter, me).id();
        } catch (Refusal e) {
            response.setStatus(e.kind() == Refusal.Kind.CONFLICT ? 409 : 400);
            model.addAttribute("error", msg(e));
            model.addAttribute("typedQuarter", quarter);
            return list(me, model);
        }
    }

    @GetMapping("/assessment/bulletins/{id}")
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    String show(@PathVariable long id, JianduPrincipal me, Model model) {
        return page(bulletins.readable(id, me), me, model);
    }

    /** Saves the text (and refreshes the figures); a refusal shows the page again with what was typed. */
    @PostMapping("/assessment/bulletins/{id}")
    @PreAuthorize("hasAuthority('assessment:bulletin')")
    String edit(@PathVariable long id, @RequestParam(required = false) String title,
            @RequestParam(required = false) String intro, @RequestParam(required = false) String issues,
            @RequestParam(required = false) String requirements, JianduPrincipal me, Model model,
            HttpServletResponse response) {
        Bulletins.Text text = new Bulletins.Text(title, intro, issues, requirements);
        try {
            bulletins.edit(id, text, me);
            return "redirect:/assessment/bulletins/" + id;
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.kind() == Refusal.Kind.CONFLICT ? 409 : 400);
            model.addAttribute("error", msg(e));
            model.addAttribute("typed", text);
            return page(bulletins.readable(id, me), me, model);
        }
    }

    @PostMapping("/assessment/bulletins/{id}/publish")
    @PreAuthorize("hasAuthority('assessment:bulletin')")
    String publish(@PathVariable long id, JianduPrincipal me, Model model, HttpServletResponse response) {
        try {
            bulletins.publish(id, me);
            return "redirect:/assessment/bulletins/" + id;
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND) {
                throw e;
            }
            response.setStatus(409);
            model.addAttribute("error", msg(e));
            return page(bulletins.readable(id, me), me, model);
        }
    }

    private String page(Bulletin b, JianduPrincipal me, Model model) {
        model.addAttribute("b", b);
        model.addAttribute("f", b.figures());
        model.addAttribute("canEdit", me.can(AssessmentPermissions.BULLETIN) && b.status().name().equals("DRAFT"));
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", new Bulletins.Text(b.title(), b.intro(), b.issues(), b.requirements()));
        }
        return "assessment/bulletin";
    }

    private String msg(Refusal e) {
        if (!e.fieldErrors().isEmpty()) {
            Refusal.FieldError f = e.fieldErrors().get(0);
            return messages.getMessage(f.messageKey(), f.args(), f.messageKey(), LocaleContextHolder.getLocale());
        }
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }
}
