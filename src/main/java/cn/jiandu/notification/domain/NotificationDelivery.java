package cn.jiandu.notification.domain;

import cn.jiandu.notification.NotificationRequested;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Delivers {@link NotificationRequested} events after the sender's transaction commits, in a transaction of its own.
 * The event publication registry keeps the event until this completes, so a crash in between loses nothing (it is
 * resubmitted on restart).
 */
@Component
class NotificationDelivery {

    private final JdbcInbox inbox;

    NotificationDelivery(JdbcInbox inbox) {
        this.inbox = inbox;
    }

    @ApplicationModuleListener
    void on(NotificationRequested request) {
        inbox.post(request);
    }
}
