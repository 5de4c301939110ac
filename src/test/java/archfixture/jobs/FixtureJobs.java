package archfixture.jobs;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * {@code unlocked} breaks {@code SCHEDULED_JOBS_TAKE_A_LOCK} on purpose; {@code locked} keeps it. Not a bean (and
 * outside {@code cn.jiandu}), so nothing ever schedules them.
 */
public class FixtureJobs {

    @Scheduled(fixedDelay = 60_000)
    public void unlocked() {
    }

    @Scheduled(fixedDelay = 60_000)
    @SchedulerLock(name = "archfixture.locked")
    public void locked() {
    }
}
