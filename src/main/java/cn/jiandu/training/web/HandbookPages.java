package cn.jiandu.training.web;

import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.training.TrainingPermissions;
import cn.jiandu.training.domain.Handbook;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

/** 监督一本通 pages: read and search on a phone, earlier versions and what changed; the admin's drafts. */
@Controller
class HandbookPages {

    private final Handbook handbook;
    private final MessageSource messages;

    HandbookPages(Handbook handbook, MessageSource messages) {
        this.handbook = handbook;
        this.messages = messages;
    }

    @GetMapping("/handbook")
    String read(JianduPrincipal me, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String q, Model model) {
        var current = handbook.currentVersion();
        model.addAttribute("editor", me.can(TrainingPermissions.HANDBOOK_EDIT));
        model.addAttribute("q", q);
        if (current.isEmpty()) {
            model.addAttribute("book", null);
            return "training/handbook";
        }
        model.addAttribute("book", version == null ? handbook.current() : handbook.version(version));
        model.addAttribute("current", current.get());
        model.addAttribute("hits", q == null || q.isBlank() ? null : handbook.search(q));
        model.addAttribute("versions", handbook.versions());
        return "training/handbook";
    }

    @GetMapping("/handbook/diff")
    String diff(@RequestParam int from, @RequestParam int to, Model model) {
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("chapters", HandbookApi.diff(handbook.version(from), handbook.version(to)));
        return "training/handbook-diff";
    }

    @GetMapping("/handbook/drafts")
    @PreAuthorize("hasAuthority('handbook:edit')")
    String drafts(JianduPrincipal me, Model model) {
        model.addAttribute("drafts", handbook.openDrafts(me));
        model.addAttribute("current", handbook.currentVersion().orElse(null));
        return "training/handbook-drafts";
    }

    @PostMapping("/handbook/drafts")
    @PreAuthorize("hasAuthority('handbook:edit')")
    String newDraft(JianduPrincipal me) {
        return "redirect:/handbook/drafts/" + handbook.newDraft(me).id();
    }

    @GetMapping("/handbook/drafts/{id}")
    @PreAuthorize("hasAuthority('handbook:edit')")
    String draft(JianduPrincipal me, @PathVariable long id, Model model) {
        model.addAttribute("d", handbook.draft(me, id));
        model.addAttribute("current", handbook.currentVersion().orElse(null));
        return "training/handbook-draft";
    }

    @PostMapping("/handbook/drafts/{id}")
    @PreAuthorize("hasAuthority('handbook:edit')")
    String save(JianduPrincipal me, @PathVariable long id, @RequestParam(name = "code") List<String> codes,
            @RequestParam(name = "title") List<String> titles, @RequestParam(name = "markdown") List<String> texts,
            @RequestParam(required = false) Integer rebaseOnto, @RequestParam(required = false) String publish,
            RedirectAttributes redirect) {
        List<Handbook.ChapterInput> chapters = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!codes.get(i).isBlank()) {
                chapters.add(new Handbook.ChapterInput(codes.get(i).strip(), i < titles.size() ? titles.get(i) : null,
                        i < texts.size() ? texts.get(i) : ""));
            }
        }
        try {
            handbook.save(me, id, chapters, rebaseOnto);
            if (publish != null) {
                Handbook.Version v = handbook.publish(me, id);
                redirect.addFlashAttribute("notice", msg("handbook.published", v.version()));
                return "redirect:/handbook";
            }
            redirect.addFlashAttribute("notice", msg("handbook.saved"));
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:/handbook/drafts/" + id;
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private String message(Refusal e) {
        Locale locale = LocaleContextHolder.getLocale();
        if (!e.fieldErrors().isEmpty()) {
            return String.join("；", e.fieldErrors().stream()
                    .map(f -> messages.getMessage(f.messageKey(), f.args(), f.messageKey(), locale)).toList());
        }
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
    }
}
