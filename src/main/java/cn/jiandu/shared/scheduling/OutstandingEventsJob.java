package cn.jiandu.shared.scheduling;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Redelivers event publications whose listener failed (a database that went away for a moment, a deadlock) instead
 * of waiting for the next application start, which is all Spring Modulith does by itself. Only publications older
 * than {@code jiandu.events.resubmit-after} (default 5 minutes) are taken, so a listener still at work is not run a
 * second time beside itself; listeners are written to be idempotent (they refresh rows, not add to them).
 */
@Component
class OutstandingEventsJob {

    private final IncompleteEventPublications incomplete;
    private final Duration resubmitAfter;

    OutstandingEventsJob(IncompleteEventPublications incomplete,
            @Value("${jiandu.events.resubmit-after:PT5M}") Duration resubmitAfter) {
        this.incomplete = incomplete;
        this.resubmitAfter = resubmitAfter;
    }

    @Scheduled(fixedDelayString = "${jiandu.events.resubmit-every:PT1M}",
            initialDelayString = "${jiandu.events.resubmit-every:PT1M}")
    @SchedulerLock(name = "shared.resubmitOutstandingEvents", lockAtMostFor = "PT10M")
    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(resubmitAfter);
    }
}
