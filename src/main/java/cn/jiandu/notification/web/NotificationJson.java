package cn.jiandu.notification.web;

import cn.jiandu.notification.domain.Notification;
import cn.jiandu.shared.time.ClockConfig;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** A notification rendered in the reader's language. */
record NotificationJson(String id, String message, String link, OffsetDateTime createdAt, boolean read) {

    static NotificationJson render(Notification n, MessageSource messages, Locale locale) {
        String message = messages.getMessage(n.messageKey(), n.args().toArray(), n.messageKey(), locale);
        return new NotificationJson(String.valueOf(n.id()), message, n.link(),
                n.createdAt().atZone(ClockConfig.ZONE).toOffsetDateTime(), n.read());
    }
}
