package cn.jiandu.problem.web;

import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.web.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** One sentence for a refusal: the field's own words (类别、照片…) and what is wrong with it. */
    String message(Refusal e) {
        Locale locale = LocaleContextHolder.getLocale();
        String text = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
        if (!e.fieldErrors().isEmpty()) {
            Refusal.FieldError f = e.fieldErrors().get(0);
            String field = messages.getMessage("problem.field." + fieldKey(f.field()), null, f.field(), locale);
            return field + "：" + messages.getMessage(f.messageKey(), f.args(), f.messageKey(), locale);
        }
        return text;
    }

    /** The refusal's messages by form field (its name in the form), to show each next to its field. */
    Map<String, String> fieldMessages(Refusal e) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> byField = new LinkedHashMap<>();
        for (Refusal.FieldError f : e.fieldErrors()) {
            byField.putIfAbsent(formField(f.field()),
                    messages.getMessage(f.messageKey(), f.args(), f.messageKey(), locale));
        }
        return byField;
    }

    /** Whether every part of the refusal is a field error the form shows next to its field. */
    boolean fieldErrorsOnly(Refusal e) {
        return !e.fieldErrors().isEmpty();
    }

    /** Domain field names as the forms name their inputs ("file" of an upload is the photos field). */
    private static String formField(String field) {
        return switch (field) {
            case "file", "photo" -> "photos";
            default -> field;
        };
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
            case "file", "photo" -> "photos";
            default -> field;
        };
    }
}
