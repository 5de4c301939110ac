package cn.jiandu.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Application-module listeners run asynchronously: waits until a listener class has handled every event. */
public final class Events {

    private Events() {
    }

    /** Waits (at most 10 s) until no publication to a listener whose id contains {@code listener} is incomplete. */
    public static void settle(JdbcClient jdbc, String listener) throws InterruptedException {
        String sql = "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND listener_id LIKE ?";
        long deadline = System.currentTimeMillis() + 10_000;
        while (jdbc.sql(sql).param("%" + listener + "%").query(Long.class).single() > 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(25);
        }
        assertThat(jdbc.sql(sql).param("%" + listener + "%").query(Long.class).single())
                .as("events still waiting for " + listener).isZero();
    }
}
