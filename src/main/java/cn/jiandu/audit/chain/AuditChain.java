package cn.jiandu.audit.chain;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links audit entries into a hash chain, after their transactions commit. An append only INSERTs its entry (no
 * lock: a chain lock taken inside the caller's transaction was held until that transaction ended, which capped the
 * whole application at ~130 audited writes a second and serialised every audited transaction behind the slowest)
 * and announces its id once committed; {@link AuditChainer} then calls {@link #link(Collection)} for a burst of
 * announced ids, which takes the head row's lock in a short transaction of its own and links them in id order, each
 * after the current head ({@code seq} is the chain's order, the order in which commits were linked). A sweep
 * ({@link #linkPending()}) links what nobody announced, within the grace period. An entry older than that is never
 * linked: no transaction takes that long, so it was inserted into the past behind the application's back, and
 * verification reports it.
 */
@Component
public class AuditChain {

    private static final String ENTRY_COLUMNS = "e.id, e.occurred_at, e.actor_id, e.actor_name, e.action, "
            + "e.target_type, e.target_id, e.address, e.outcome, e.detail";
    private static final int BATCH = 1000;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration grace;

    private final boolean postgres;

    AuditChain(JdbcClient jdbc, Clock clock, @Value("${jiandu.audit.chain.grace:PT10M}") Duration grace,
            DataSource dataSource) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.grace = grace;
        this.postgres = isPostgres(dataSource);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the audit chain's database", e);
        }
    }

    Duration grace() {
        return grace;
    }

    /** The head as locked by the chainer: last linked entry, its hash, the chain's length. */
    record Head(Long lastId, String hash, long lastSeq) {
    }

    /**
     * Links these entries (committed, announced by their writers after commit) that are not linked yet; returns how
     * many. The cheap path: one short transaction for a whole burst of commits, reading only those rows.
     */
    @Transactional
    public int link(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return linkWhere("e.id IN (:ids)", Map.of("ids", List.copyOf(ids)), false);
    }

    /**
     * Links every entry not yet linked that is younger than the grace period (all of them on the very first run:
     * the rows from before the chain existed); returns how many. The sweep for what no writer announced (a node
     * stopped between its commit and the announcement, a write from another node whose chainer is down). Joins a
     * transaction in progress, so a test links its own uncommitted entries.
     */
    @Transactional
    public int linkPending() {
        return linkWhere("e.occurred_at >= :cutoff", Map.of("cutoff", Timestamp.from(clock.instant().minus(grace))),
                true);
    }

    private int linkWhere(String condition, Map<String, Object> params, boolean bootstrapAll) {
        if (postgres) {
            // links are derived data: a crash that loses the last ones before they reach the disk leaves their
            // (durable) entries unlinked, and the sweep links them again; so the chainer's commit need not wait for
            // the WAL flush, which cost every audited write a second one
            jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
        }
        Head head = jdbc.sql("SELECT last_id, head_hash, last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getObject("last_id", Long.class), rs.getString("head_hash"),
                        rs.getLong("last_seq")))
                .single();
        String where = bootstrapAll && head.lastSeq() == 0 ? "1 = 1" : condition;
        String hash = head.hash();
        Long lastId = head.lastId();
        long seq = head.lastSeq();
        int linked = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            Map<String, Object> p = new HashMap<>(params);
            p.put("after", after);
            var rows = jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM audit_entry e WHERE " + where
                            + " AND e.id > :after AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.entry_id = e.id)"
                            + " ORDER BY e.id LIMIT " + BATCH)
                    .params(p)
                    .query((rs, n) -> new Pending(rs.getLong("id"), hashRow(null, rs)))
                    .list();
            for (Pending row : rows) {
                after = row.id();
                String next = row.hasher().hash(hash);
                seq++;
                jdbc.sql("INSERT INTO audit_chain (entry_id, prev_hash, entry_hash, seq) VALUES (:id, :prev, :hash, :seq)")
                        .param("id", row.id()).param("prev", hash).param("hash", next).param("seq", seq).update();
                hash = next;
                lastId = row.id();
                linked++;
            }
            if (rows.size() < BATCH) {
                break;
            }
        }
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
        return linked;
    }

    private record Pending(long id, RowHasher hasher) {
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
