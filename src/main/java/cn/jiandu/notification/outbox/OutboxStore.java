package cn.jiandu.notification.outbox;

import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.paging.Cursor;
import cn.jiandu.shared.paging.CursorPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox table. A node claims a row with one conditional UPDATE (PENDING and due, or SENDING with a lapsed
 * lease → SENDING with a new lease); the row is its own only when that UPDATE changed it, so two nodes never send the
 * same row, even if both ran the job at once.
 */
@Repository
public class OutboxStore {

    private static final String COLUMNS = "id, kind, target, subject, body, status, attempts, next_attempt_at, "
            + "last_error, digest_of, created_at, sent_at";
    private static final String CLAIMABLE = "((status = 'PENDING' AND next_attempt_at <= :now)"
            + " OR (status = 'SENDING' AND lease_until < :now))";
    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Joins the caller's transaction: the message exists exactly when the change that caused it does. */
    @Transactional
    public void enqueue(String kind, String target, String subject, String body, Instant now) {
        jdbc.sql("""
                        INSERT INTO outbox_message (kind, target, subject, body, status, attempts, next_attempt_at,
                            created_at)
                        VALUES (:kind, :target, :subject, :body, 'PENDING', 0, :now, :now)""")
                .param("kind", kind).param("target", target).param("subject", clip(subject, 200))
                .param("body", clip(body, 2000)).param("now", ts(now)).update();
    }

    /** Claims up to {@code batch} due rows for this node until {@code leaseUntil}, oldest first. */
    @Transactional
    public List<OutboxMessage> claim(Instant now, Instant leaseUntil, int batch) {
        List<Long> candidates = jdbc.sql("SELECT id FROM outbox_message WHERE " + CLAIMABLE
                        + " ORDER BY id LIMIT :batch")
                .param("now", ts(now)).param("batch", batch).query(Long.class).list();
        List<Long> mine = new ArrayList<>();
        for (Long id : candidates) {
            int changed = jdbc.sql("UPDATE outbox_message SET status = 'SENDING', lease_until = :lease"
                            + " WHERE id = :id AND " + CLAIMABLE)
                    .param("lease", ts(leaseUntil)).param("id", id).param("now", ts(now)).update();
            if (changed == 1) {
                mine.add(id);
            }
        }
        if (mine.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_message WHERE id IN (:ids) ORDER BY id")
                .param("ids", mine).query(this::map).list();
    }

    /** Sent (alone, or folded into a digest of {@code digestOf}); records one send against the target's rate. */
    @Transactional
    public void sent(String target, Collection<Long> ids, Integer digestOf, Instant now) {
        jdbc.sql("""
                        UPDATE outbox_message SET status = 'SENT', sent_at = :now, lease_until = NULL,
                            attempts = attempts + 1, digest_of = :digest, last_error = NULL
                        WHERE id IN (:ids) AND status = 'SENDING'""")
                .param("now", ts(now)).param("digest", digestOf).param("ids", ids).update();
        jdbc.sql("INSERT INTO outbox_send (target, sent_at) VALUES (:target, :now)")
                .param("target", target).param("now", ts(now)).update();
    }

    /** A failed attempt: the next one after {@code next}, or FAILED when {@code giveUp}. */
    @Transactional
    public void failed(long id, String error, boolean giveUp, Instant next) {
        jdbc.sql("""
                        UPDATE outbox_message SET status = :status, attempts = attempts + 1, last_error = :error,
                            next_attempt_at = :next, lease_until = NULL
                        WHERE id = :id AND status = 'SENDING'""")
                .param("status", giveUp ? "FAILED" : "PENDING").param("error", clip(error, 500))
                .param("next", ts(next)).param("id", id).update();
    }

    /** Gives claimed rows back untried (the target's rate is used up until {@code next}). */
    @Transactional
    public void release(Collection<Long> ids, Instant next) {
        jdbc.sql("""
                        UPDATE outbox_message SET status = 'PENDING', next_attempt_at = :next, lease_until = NULL
                        WHERE id IN (:ids) AND status = 'SENDING'""")
                .param("next", ts(next)).param("ids", ids).update();
    }

    /** Sends to the target since {@code since}, oldest first (the rate limit's sliding window). */
    @Transactional(readOnly = true)
    public List<Instant> sendsSince(String target, Instant since) {
        return jdbc.sql("SELECT sent_at FROM outbox_send WHERE target = :target AND sent_at > :since ORDER BY sent_at")
                .param("target", target).param("since", ts(since))
                .query((rs, i) -> rs.getTimestamp(1).toInstant()).list();
    }

    /** Newest first, optionally only one status. */
    @Transactional(readOnly = true)
    public CursorPage<OutboxMessage> list(OutboxStatus status, int size, String cursor) {
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : Cursor.decodeLong(cursor);
        String sql = "SELECT " + COLUMNS + " FROM outbox_message WHERE id < :before"
                + (status != null ? " AND status = :status" : "") + " ORDER BY id DESC LIMIT :limit";
        var spec = jdbc.sql(sql).param("before", before).param("limit", size + 1);
        if (status != null) {
            spec = spec.param("status", status.name());
        }
        return CursorPage.of(spec.query(this::map).list(), size, m -> Cursor.encode(m.id()));
    }

    @Transactional(readOnly = true)
    public OutboxMessage find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_message WHERE id = :id").param("id", id)
                .query(this::map).optional().orElseThrow(Refusal::notFound);
    }

    /** The admin sends a FAILED message again from scratch; 409 for any other status. */
    @Transactional
    public OutboxMessage retry(long id, Instant now) {
        OutboxMessage m = find(id);
        int changed = jdbc.sql("""
                        UPDATE outbox_message SET status = 'PENDING', attempts = 0, next_attempt_at = :now
                        WHERE id = :id AND status = 'FAILED'""")
                .param("now", ts(now)).param("id", id).update();
        if (changed == 0) {
            throw Refusal.conflict("outbox.retry.notFailed");
        }
        return find(m.id());
    }

    private OutboxMessage map(ResultSet rs, int i) throws SQLException {
        int digest = rs.getInt("digest_of");
        Integer digestOf = rs.wasNull() ? null : digest;
        Timestamp sent = rs.getTimestamp("sent_at");
        return new OutboxMessage(rs.getLong("id"), rs.getString("kind"), rs.getString("target"),
                rs.getString("subject"), rs.getString("body"), OutboxStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                digestOf, rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
