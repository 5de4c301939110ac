package cn.jiandu.notification.outbox;

import cn.jiandu.notification.NotificationRequested;
import cn.jiandu.notification.OutboxProperties;
import java.time.Clock;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the outgoing messages of a {@link NotificationRequested} while it is being published: a plain (synchronous)
 * listener runs inside the publisher's transaction, so the messages commit or roll back with the change that caused
 * them. Sending happens later, in the outbox job, and can never hold that change up.
 */
public class OutboxRecorder {

    private final OutboxStore store;
    private final OutboxText text;
    private final OutboxProperties properties;
    private final Clock clock;

    public OutboxRecorder(OutboxStore store, OutboxText text, OutboxProperties properties, Clock clock) {
        this.store = store;
        this.text = text;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void on(NotificationRequested request) {
        if (!properties.enabled()) {
            return;
        }
        List<String> targets = properties.targetsFor(request.messageKey());
        if (targets.isEmpty()) {
            return;
        }
        String subject = text.subject();
        String body = text.body(request);
        for (String target : targets) {
            store.enqueue(request.messageKey(), target, subject, body, clock.instant());
        }
    }
}
