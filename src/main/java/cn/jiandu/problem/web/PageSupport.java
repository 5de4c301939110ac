package cn.jiandu.problem.web;

import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.web.ApiException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns refusals into a sentence in the reader's language for the pages. */
@Component
class PageSupport {

    private final MessageSource messages;

    PageSupport(MessageSource messages) {
        this.messages = messages;
    }

    String message(Refusal e) {
        Locale locale = LocaleContextHolder.getLocale();
        String text = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
        if (!e.fieldErrors().isEmpty()) {
            ApiException.FieldError f = e.fieldErrors().get(0);
            String field = messages.getMessage("problem.field." + fieldKey(f.field()), null, f.field(), locale);
            return field + "：" + messages.getMessage(f.messageKey(), f.args(), f.messageKey(), locale);
        }
        return text;
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static String fieldKey(String field) {
        return switch (field) {
            case "categoryCode" -> "category";
            case "orgUnitId" -> "orgUnit";
            case "handlingUnitId" -> "handlingUnit";
            case "deadlineWorkingDays" -> "days";
            default -> field;
        };
    }
}
