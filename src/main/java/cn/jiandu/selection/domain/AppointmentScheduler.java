package cn.jiandu.selection.domain;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Daily: ends the appointments whose term is over (已期满, role revoked unless another appointment holds it) and gives
 * the role to those whose term has begun. Both are idempotent, so a second node running it changes nothing.
 */
@Component
class AppointmentScheduler {

    private static final Logger log = LoggerFactory.getLogger(AppointmentScheduler.class);

    private final AppointmentService service;

    AppointmentScheduler(AppointmentService service) {
        this.service = service;
    }

    @Scheduled(cron = "${jiandu.selection.term-over-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "selection.term-over")
    public void daily() {
        int ended = service.endTermsOver();
        int granted = service.grantRolesInOffice();
        if (ended + granted > 0) {
            log.info("selection: {} appointments ended by term, {} roles given to those in office", ended, granted);
        }
    }
}
