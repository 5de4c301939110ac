package cn.jiandu.problem.domain;

import cn.jiandu.notification.NotificationRequested;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.shared.security.Role;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily jobs: close as 未评价 what was not rated in time, remind units of overdue reports, tell the admins about
 * red warnings. Idempotent per day, so running on several nodes only repeats a reminder, never a state change.
 */
@Component
public class ProblemScheduler {

    private final ProblemService service;
    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;
    private final WarningPolicy warnings;
    private final Clock clock;

    ProblemScheduler(ProblemService service, JdbcClient jdbc, UserDirectory users, ApplicationEventPublisher events,
            WarningPolicy warnings, Clock clock) {
        this.service = service;
        this.jdbc = jdbc;
        this.users = users;
        this.events = events;
        this.warnings = warnings;
        this.clock = clock;
    }

    @Scheduled(cron = "${jiandu.problem.daily-cron:0 30 8 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "problem.daily")
    @Transactional
    public void daily() {
        service.closeUnrated();
        remindOverdue();
    }

    /** One reminder per unit with overdue items, and one summary for the admins about red warnings. */
    public int remindOverdue() {
        List<Long[]> overdue = jdbc.sql("""
                SELECT handling_unit_id, COUNT(*) FROM problem
                WHERE status IN ('DISPATCHED', 'IN_PROGRESS') AND due_at < :now GROUP BY handling_unit_id""")
                .param("now", ProblemRepository.ts(clock.instant()))
                .query((rs, n) -> new Long[] {rs.getLong(1), rs.getLong(2)}).list();
        for (Long[] row : overdue) {
            List<Long> handlers = users.inUnitWithRole(row[0], Role.HANDLER).stream().map(UserView::id).toList();
            if (!handlers.isEmpty()) {
                events.publishEvent(new NotificationRequested(handlers, "problem.notify.overdueReminder",
                        List.of(String.valueOf(row[1])), "/problems/queue?tab=overdue"));
            }
        }
        WarningPolicy.Boundaries b = warnings.now();
        long red = jdbc.sql("SELECT COUNT(*) FROM problem p WHERE " + b.sql(cn.jiandu.problem.Warning.RED))
                .params(b.params()).query(Long.class).single();
        if (red > 0) {
            List<Long> admins = users.withRole(Role.ADMIN).stream().map(UserView::id).toList();
            if (!admins.isEmpty()) {
                events.publishEvent(new NotificationRequested(admins, "problem.notify.redWarnings",
                        List.of(String.valueOf(red)), "/problems/ledger?warning=RED"));
            }
        }
        return overdue.size();
    }
}
