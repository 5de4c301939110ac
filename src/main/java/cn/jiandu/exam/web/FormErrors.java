package cn.jiandu.exam.web;

import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.web.RefusalStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A refused form is shown again with what was typed and its status (400, 409): {@code fieldErrors} maps each field
 * (e.g. {@code rules[1].count}) to its message, {@code error} says it all in one line. 403 and 404 stay the error
 * page's.
 */
@Component
class FormErrors {

    private final MessageSource messages;

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    void show(Refusal e, Model model, HttpServletResponse response) {
        int status = RefusalStatus.of(e).value();
        if (status == 403 || status == 404) {
            throw e;
        }
        response.setStatus(status);
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> byField = new LinkedHashMap<>();
        e.fieldErrors().forEach(f -> byField.merge(f.field(),
                messages.getMessage(f.messageKey(), f.args(), f.messageKey(), locale), (a, b) -> a + "；" + b));
        model.addAttribute("fieldErrors", byField);
        model.addAttribute("error", byField.isEmpty()
                ? messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)
                : String.join("；", byField.values()));
    }
}
