package cn.jiandu.exam.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The server's clock at work: attempts past their deadline are submitted with what was saved, and the papers of
 * exams opening soon are assembled ahead so that the start of an exam only opens them.
 */
@Component
class ExamScheduler {

    private final Attempts attempts;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ExamSettings settings;

    ExamScheduler(Attempts attempts, JdbcClient jdbc, Clock clock, ExamSettings settings) {
        this.attempts = attempts;
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${jiandu.exam.auto-submit-every:15s}")
    @SchedulerLock(name = "exam.auto-submit", lockAtMostFor = "PT5M")
    public void autoSubmit() {
        attempts.submitOverdue(2000);
    }

    @Scheduled(fixedDelayString = "${jiandu.exam.prepare-every:5m}")
    @SchedulerLock(name = "exam.prepare", lockAtMostFor = "PT30M")
    public void prepare() {
        Instant now = clock.instant();
        List<Long> soon = jdbc.sql("""
                SELECT id FROM exam_exam WHERE closes_at > :now AND opens_at < :horizon
                AND (prepared_at IS NULL OR prepared_at < updated_at)""")
                .param("now", Timestamp.from(now)).param("horizon", Timestamp.from(now.plus(settings.prepareAhead())))
                .query(Long.class).list();
        soon.forEach(attempts::prepare);
    }
}
