package cn.jiandu.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

/** Application-module listeners run asynchronously: waits until a listener class has handled every event. */
public final class Events {

    private Events() {
    }

    /**
     * Waits (at most 60 s) until no publication to a listener whose id contains {@code listener} is incomplete. A
     * publication whose delivery failed earlier in the suite (a test that takes the database away fails whatever
     * listener is running at that moment) is redelivered as the application's {@code OutstandingEventsJob} would,
     * only sooner: once older than 20 s (whatever its listener, as the job does).
     */
    public static void settle(JdbcClient jdbc, IncompleteEventPublications incomplete, String listener)
            throws InterruptedException {
        String sql = "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND listener_id LIKE ?";
        long start = System.currentTimeMillis();
        long deadline = start + 60_000;
        long nextResubmit = start;
        while (jdbc.sql(sql).param("%" + listener + "%").query(Long.class).single() > 0
                && System.currentTimeMillis() < deadline) {
            if (System.currentTimeMillis() >= nextResubmit) {
                incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofSeconds(20));
                nextResubmit = System.currentTimeMillis() + 5_000;
            }
            Thread.sleep(25);
        }
        assertThat(jdbc.sql(sql).param("%" + listener + "%").query(Long.class).single())
                .as("events still waiting for " + listener).isZero();
    }
}
