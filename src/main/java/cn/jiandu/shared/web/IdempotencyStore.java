package cn.jiandu.shared.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The {@code idempotency_record} table. The primary key (caller, key) is the lock: of two concurrent requests with
 * one key exactly one inserts the record and runs; the other finds it. Each statement commits on its own, outside
 * the request's transaction, so the waiting request sees the record and later its response.
 */
@Component
class IdempotencyStore {

    record Stored(String fingerprint, Instant createdAt, boolean completed, int status, String contentType,
            String location, byte[] body) {
    }

    private final JdbcClient jdbc;
    private final IdempotencyProperties props;
    private final Clock clock;

    IdempotencyStore(JdbcClient jdbc, IdempotencyProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.props = props;
        this.clock = clock;
    }

    /** True if this call created the record (the caller runs the request), false if one exists already. */
    boolean begin(long principalId, String key, String fingerprint) {
        try {
            jdbc.sql("INSERT INTO idempotency_record (principal_id, idem_key, fingerprint, created_at) "
                            + "VALUES (:p, :k, :f, :t)")
                    .param("p", principalId).param("k", key).param("f", fingerprint)
                    .param("t", Timestamp.from(clock.instant())).update();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    Optional<Stored> find(long principalId, String key) {
        return jdbc.sql("SELECT fingerprint, created_at, completed_at, response_status, response_type, "
                        + "response_location, response_body FROM idempotency_record WHERE principal_id = :p AND idem_key = :k")
                .param("p", principalId).param("k", key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3) != null,
                        rs.getInt(4), rs.getString(5), rs.getString(6), rs.getBytes(7)))
                .optional();
    }

    void complete(long principalId, String key, int status, String contentType, String location, byte[] body) {
        jdbc.sql("UPDATE idempotency_record SET completed_at = :t, response_status = :s, response_type = :c, "
                        + "response_location = :l, response_body = :b WHERE principal_id = :p AND idem_key = :k")
                .param("t", Timestamp.from(clock.instant())).param("s", status).param("c", contentType)
                .param("l", location).param("b", body).param("p", principalId).param("k", key).update();
    }

    /** Forgets a record: its request failed (a retry with the key may run again) or it expired. */
    void forget(long principalId, String key) {
        jdbc.sql("DELETE FROM idempotency_record WHERE principal_id = :p AND idem_key = :k")
                .param("p", principalId).param("k", key).update();
    }

    /** Forgets a record only if it is still the one created at {@code createdAt} (two takers, one wins). */
    boolean forget(long principalId, String key, Instant createdAt) {
        return jdbc.sql("DELETE FROM idempotency_record WHERE principal_id = :p AND idem_key = :k AND created_at = :t")
                .param("p", principalId).param("k", key).param("t", Timestamp.from(createdAt)).update() == 1;
    }

    boolean expired(Stored s) {
        return s.createdAt().isBefore(clock.instant().minus(props.retention()));
    }

    boolean abandoned(Stored s) {
        return !s.completed() && s.createdAt().isBefore(clock.instant().minus(props.abandonAfter()));
    }

    @Scheduled(cron = "0 17 * * * *")
    @SchedulerLock(name = "shared.idempotencySweep")
    void sweep() {
        jdbc.sql("DELETE FROM idempotency_record WHERE created_at < :t")
                .param("t", Timestamp.from(clock.instant().minus(props.retention()))).update();
    }
}
