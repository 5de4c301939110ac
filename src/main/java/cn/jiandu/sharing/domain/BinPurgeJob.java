package cn.jiandu.sharing.domain;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Nightly: files in the recycle bin longer than the configured days are purged. */
@Component
class BinPurgeJob {

    private final SharingService sharing;
    private final DutyService duty;
    private final Clock clock;

    BinPurgeJob(SharingService sharing, DutyService duty, Clock clock) {
        this.sharing = sharing;
        this.duty = duty;
        this.clock = clock;
    }

    @Scheduled(cron = "0 30 2 * * *", zone = "Asia/Shanghai")
    @SchedulerLock(name = "sharing.binPurge")
    void purge() {
        sharing.purgeExpired(clock.instant());
    }

    @Scheduled(cron = "0 0 8 * * *", zone = "Asia/Shanghai")
    @SchedulerLock(name = "sharing.dutyReminder")
    void remind() {
        duty.remind(clock.instant().atZone(DutyService.CST).toLocalDate());
    }
}
