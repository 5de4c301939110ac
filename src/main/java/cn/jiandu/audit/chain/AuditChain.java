package cn.jiandu.audit.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links audit entries into a hash chain, after their transactions commit. An append only INSERTs its entry (no
 * lock: a chain lock taken inside the caller's transaction was held until that transaction ended, which capped the
 * whole application at ~130 audited writes a second and serialised every audited transaction behind the slowest);
 * {@link AuditChainer} then calls {@link #linkPending()}, which takes the head row's lock in a short transaction of
 * its own and links every committed entry not yet linked, in id order, each after the current head ({@code seq}
 * is the chain's order). An unlinked entry older than the grace period is not linked: a transaction does not take
 * that long, so it was inserted into the past behind the application's back, and verification reports it.
 */
@Component
public class AuditChain {

    private static final String ENTRY_COLUMNS = "e.id, e.occurred_at, e.actor_id, e.actor_name, e.action, "
            + "e.target_type, e.target_id, e.address, e.outcome, e.detail";
    private static final int BATCH = 1000;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration grace;

    AuditChain(JdbcClient jdbc, Clock clock, @Value("${jiandu.audit.chain.grace:PT10M}") Duration grace) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.grace = grace;
    }

    Duration grace() {
        return grace;
    }

    /** The head as locked by the chainer: last linked entry, its hash, the chain's length, the scan's floor. */
    record Head(Long lastId, String hash, long lastSeq, long floorId) {
    }

    /**
     * Links the committed entries not yet linked (those of the current transaction too); returns how many. Joins a
     * transaction in progress, so a test links its own uncommitted entries.
     */
    @Transactional
    public int linkPending() {
        Head head = jdbc.sql("SELECT last_id, head_hash, last_seq, floor_id FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getObject("last_id", Long.class), rs.getString("head_hash"),
                        rs.getLong("last_seq"), rs.getLong("floor_id")))
                .single();
        Instant cutoff = clock.instant().minus(grace);
        // the very first run links everything, however old (the rows from before the chain existed)
        boolean bootstrap = head.lastSeq() == 0;
        String hash = head.hash();
        Long lastId = head.lastId();
        long seq = head.lastSeq();
        int linked = 0;
        long after = head.floorId();
        while (true) {
            var rows = jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM audit_entry e WHERE e.id > :floor AND NOT EXISTS "
                            + "(SELECT 1 FROM audit_chain c WHERE c.entry_id = e.id) ORDER BY e.id LIMIT " + BATCH)
                    .param("floor", after)
                    .query((rs, n) -> new Pending(rs.getLong("id"),
                            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), hashRow(null, rs)))
                    .list();
            for (Pending p : rows) {
                after = p.id();
                if (!bootstrap && p.occurredAt().isBefore(cutoff)) {
                    continue;
                }
                String next = p.hasher().hash(hash);
                seq++;
                jdbc.sql("INSERT INTO audit_chain (entry_id, prev_hash, entry_hash, seq) VALUES (:id, :prev, :hash, :seq)")
                        .param("id", p.id()).param("prev", hash).param("hash", next).param("seq", seq).update();
                hash = next;
                lastId = p.id();
                linked++;
            }
            if (rows.size() < BATCH) {
                break;
            }
        }
        // entries up to the newest one older than the grace period never need another look
        Long floor = jdbc.sql("SELECT MAX(id) FROM audit_entry WHERE id > :floor AND occurred_at < :cutoff")
                .param("floor", head.floorId()).param("cutoff", Timestamp.from(cutoff)).query(Long.class)
                .optional().orElse(null);
        if (linked > 0) {
            // the head moves only from the state this run locked (last_seq as read): a run that read a head another
            // run has moved since would otherwise set it back
            int moved = jdbc.sql("UPDATE audit_chain_head SET head_hash = :h, last_id = :id, last_seq = :seq "
                            + "WHERE id = 1 AND last_seq = :expected")
                    .param("h", hash).param("id", lastId).param("seq", seq).param("expected", head.lastSeq())
                    .update();
            if (moved != 1) {
                throw new IllegalStateException("the audit chain's head moved under its lock; nothing linked");
            }
        }
        if (floor != null && floor > head.floorId()) {
            jdbc.sql("UPDATE audit_chain_head SET floor_id = :floor WHERE id = 1 AND floor_id < :floor")
                    .param("floor", floor).update();
        }
        return linked;
    }

    private record Pending(long id, Instant occurredAt, RowHasher hasher) {
    }

    /** A row's content, hashed once the previous hash is known. */
    @FunctionalInterface
    interface RowHasher {
        String hash(String prev);
    }

    static RowHasher hashRow(String unused, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
        long actor = rs.getLong("actor_id");
        Long actorId = rs.wasNull() ? null : actor;
        String actorName = rs.getString("actor_name");
        String action = rs.getString("action");
        String targetType = rs.getString("target_type");
        String targetId = rs.getString("target_id");
        String address = rs.getString("address");
        String outcome = rs.getString("outcome");
        String detail = rs.getString("detail");
        return prev -> ChainHash.of(prev, id, at.toInstant(), actorId, actorName, action, targetType, targetId,
                address, outcome, detail);
    }

    static String columns() {
        return ENTRY_COLUMNS;
    }
}
