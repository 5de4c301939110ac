package cn.jiandu.notification.domain;

import java.time.Instant;
import java.util.List;

/** A stored notification, not yet rendered: the text is a key and arguments. */
public record Notification(long id, long recipientId, String messageKey, List<String> args, String link,
        Instant createdAt, Instant readAt) {

    public boolean read() {
        return readAt != null;
    }
}
