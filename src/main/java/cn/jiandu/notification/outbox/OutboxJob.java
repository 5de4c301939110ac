package cn.jiandu.notification.outbox;

import cn.jiandu.notification.OutboxProperties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends the outbox every {@code jiandu.notification.outbox.deliver-every} (15 s). ShedLock lets one node run a
 * round; the claim in {@link OutboxStore} would keep two rounds apart even without it.
 */
public class OutboxJob {

    private final OutboxDispatcher dispatcher;
    private final OutboxProperties properties;

    public OutboxJob(OutboxDispatcher dispatcher, OutboxProperties properties) {
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${jiandu.notification.outbox.deliver-every:PT15S}",
            initialDelayString = "${jiandu.notification.outbox.deliver-every:PT15S}")
    @SchedulerLock(name = "notification.outbox", lockAtMostFor = "PT5M")
    public void run() {
        if (properties.enabled()) {
            dispatcher.deliverDue();
        }
    }
}
