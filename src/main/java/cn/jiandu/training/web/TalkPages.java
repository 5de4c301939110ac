package cn.jiandu.training.web;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.training.domain.Talks;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 谈心谈话: the list (his own, or everyone's for the office and leaders) and the form for supervisors. */
@Controller
class TalkPages {

    private final Talks talks;
    private final UserDirectory users;
    private final MessageSource messages;
    private final Clock clock;

    TalkPages(Talks talks, UserDirectory users, MessageSource messages, Clock clock) {
        this.talks = talks;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/training/talks")
    String list(JianduPrincipal me, Model model) {
        model.addAttribute("talks", talks.list(me, null));
        model.addAttribute("mayRecord", me.isSupervisor());
        model.addAttribute("today", LocalDate.now(clock));
        return "training/talks";
    }

    @PostMapping("/training/talks")
    String record(JianduPrincipal me, @RequestParam(required = false) String withUsername,
            @RequestParam(required = false) String withDescription,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
            @RequestParam(required = false) String topic, @RequestParam(required = false) String summary,
            @RequestParam(required = false) String followUp, RedirectAttributes redirect) {
        try {
            Long withId = null;
            if (withUsername != null && !withUsername.isBlank()) {
                withId = users.findByUsername(withUsername.strip()).map(UserView::id)
                        .orElseThrow(() -> Refusal.invalidField("withUserId", "talk.error.outsideScope"));
            }
            talks.record(me, new Talks.TalkCommand(withId, withDescription, heldOn, topic, summary, followUp));
            redirect.addFlashAttribute("notice", messages.getMessage("talk.saved", null, LocaleContextHolder.getLocale()));
        } catch (Refusal e) {
            Locale locale = LocaleContextHolder.getLocale();
            redirect.addFlashAttribute("error", e.fieldErrors().isEmpty()
                    ? messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)
                    : String.join("；", e.fieldErrors().stream()
                            .map(f -> messages.getMessage(f.messageKey(), f.args(), f.messageKey(), locale)).toList()));
        }
        return "redirect:/training/talks";
    }
}
