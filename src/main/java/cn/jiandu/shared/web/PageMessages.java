package cn.jiandu.shared.web;

import cn.jiandu.shared.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a page says after a change, in the user's language: a notice when it was made, the refusal's message when
 * it was not. For pages that re-render in place (htmx panels) instead of letting {@link PageExceptionHandler} show
 * an error page.
 */
@Component
public class PageMessages {

    private final MessageSource messages;

    PageMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The refusal's message (its key when the bundles have no text for it). */
    public String of(Refusal e) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }

    /** Runs {@code change}; the model gets {@code notice} ({@code doneKey}'s text) or {@code error} (why not). */
    public void apply(Model model, String doneKey, Runnable change) {
        try {
            change.run();
            model.addAttribute("notice", messages.getMessage(doneKey, null, LocaleContextHolder.getLocale()));
        } catch (Refusal e) {
            model.addAttribute("error", of(e));
        }
    }
}
