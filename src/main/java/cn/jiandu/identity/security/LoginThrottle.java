package cn.jiandu.identity.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progressive delay after failed logins, per account and per address: after {@code throttleFreeFailures} failures
 * each further attempt must wait 1 s, 2 s, 4 s … up to {@code throttleMaxDelay}. A delay, never a lockout: the
 * worst anyone can do to another person's account is make him wait a minute. Counters live in the database so
 * several nodes share them, and fade after an hour of quiet.
 */
@Component
public class LoginThrottle {

    static final Duration QUIET_RESET = Duration.ofHours(1);
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecurityProperties props;

    LoginThrottle(JdbcClient jdbc, Clock clock, SecurityProperties props) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.props = props;
    }

    /** Seconds the caller must still wait, or empty if he may try now. */
    public Optional<Long> waitSeconds(String username, String address) {
        long wait = Math.max(remaining(userKey(username)), remaining(addressKey(address)));
        return wait > 0 ? Optional.of(wait) : Optional.empty();
    }

    /**
     * Admits one check: empty if the caller may check a password now, else the seconds still to wait. Atomic: once
     * a delay has run out, the first attempt takes the window (it moves {@code last_failure_at} to now, compared
     * and set), so a dozen guesses released together at that moment get one check, not twelve.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Long> admit(String username, String address) {
        long wait = Math.max(claim(userKey(username)), claim(addressKey(address)));
        return wait > 0 ? Optional.of(wait) : Optional.empty();
    }

    private long claim(String key) {
        Instant now = clock.instant();
        Optional<Row> row = counting(key, now);
        if (row.isEmpty()) {
            return 0;
        }
        Duration delay = delayAfter(row.get().failures());
        if (delay.isZero()) {
            return 0;
        }
        long ms = Duration.between(now, row.get().last().plus(delay)).toMillis();
        if (ms > 0) {
            return (ms + 999) / 1000;
        }
        int took = jdbc.sql("""
                UPDATE login_throttle SET last_failure_at = ?
                WHERE throttle_key = ? AND last_failure_at = ? AND failures = ?""")
                .params(Timestamp.from(now), key, Timestamp.from(row.get().last()), row.get().failures()).update();
        return took == 1 ? 0 : Math.max(1, delay.toSeconds());
    }

    private record Row(int failures, Instant last) {
    }

    /** The key's failures if they still count at {@code now}: none for no key, no row, or a quiet hour since. */
    private Optional<Row> counting(String key, Instant now) {
        if (key == null) {
            return Optional.empty();
        }
        return row(key).filter(r -> !r.last().plus(QUIET_RESET).isBefore(now));
    }

    private Optional<Row> row(String key) {
        return jdbc.sql("SELECT failures, last_failure_at FROM login_throttle WHERE throttle_key = ?")
                .param(key).query((rs, i) -> new Row(rs.getInt(1), rs.getTimestamp(2).toInstant())).optional();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String username, String address) {
        bump(userKey(username));
        bump(addressKey(address));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccess(String username) {
        jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = ?").param(userKey(username)).update();
    }

    /** The delay after {@code failures} consecutive failures. */
    Duration delayAfter(int failures) {
        int over = failures - props.throttleFreeFailures();
        if (over < 0) {
            return Duration.ZERO;
        }
        long seconds = 1L << Math.min(over, 20);
        return Duration.ofSeconds(Math.min(seconds, props.throttleMaxDelay().toSeconds()));
    }

    private long remaining(String key) {
        Instant now = clock.instant();
        Optional<Row> row = counting(key, now);
        if (row.isEmpty()) {
            return 0;
        }
        Instant allowed = row.get().last().plus(delayAfter(row.get().failures()));
        long ms = Duration.between(now, allowed).toMillis();
        return ms <= 0 ? 0 : (ms + 999) / 1000;
    }

    private void bump(String key) {
        if (key == null) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp quietSince = Timestamp.from(clock.instant().minus(QUIET_RESET));
        int updated = jdbc.sql("""
                UPDATE login_throttle SET failures = CASE WHEN last_failure_at < ? THEN 1 ELSE failures + 1 END,
                       last_failure_at = ? WHERE throttle_key = ?""")
                .params(quietSince, now, key).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO login_throttle (throttle_key, failures, last_failure_at) VALUES (?, 1, ?)")
                        .params(key, now).update();
            } catch (DuplicateKeyException raced) {
                jdbc.sql("UPDATE login_throttle SET failures = failures + 1, last_failure_at = ? WHERE throttle_key = ?")
                        .params(now, key).update();
            }
        }
    }

    private static String userKey(String username) {
        return username == null || username.isBlank() ? null
                : "user:" + username.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null ? null : "addr:" + address;
    }
}
