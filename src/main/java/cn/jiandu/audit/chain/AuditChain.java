package cn.jiandu.audit.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Links audit entries into a hash chain. Called inside the appending transaction after the entry's INSERT; the
 * head row's lock serialises appends, so the chain never forks.
 */
@Component
public class AuditChain {

    private static final String ENTRY_COLUMNS = "e.id, e.occurred_at, e.actor_id, e.actor_name, e.action, "
            + "e.target_type, e.target_id, e.address, e.outcome, e.detail";
    private final JdbcClient jdbc;

    AuditChain(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Taken before the entry's INSERT, so ids are handed out in chain order and no writer skips another's entry. */
    public void lockHead() {
        jdbc.sql("SELECT head_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE").query(String.class).single();
    }

    /** Chains every entry not yet chained (the new one, and on first use the entries from before the chain). */
    public void link() {
        String head = jdbc.sql("SELECT head_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query(String.class).single();
        Long lastId = jdbc.sql("SELECT last_id FROM audit_chain_head WHERE id = 1").query(Long.class).optional()
                .orElse(null);
        var pending = jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM audit_entry e WHERE e.id > :last ORDER BY e.id")
                .param("last", lastId == null ? Long.MIN_VALUE : lastId)
                .query((rs, n) -> new Object[] {rs.getLong("id"), hashRow(null, rs)}).list();
        for (Object[] row : pending) {
            long id = (Long) row[0];
            String hash = ((RowHasher) row[1]).hash(head);
            jdbc.sql("INSERT INTO audit_chain (entry_id, prev_hash, entry_hash) VALUES (:id, :prev, :hash)")
                    .param("id", id).param("prev", head).param("hash", hash).update();
            head = hash;
            lastId = id;
        }
        if (!pending.isEmpty()) {
            jdbc.sql("UPDATE audit_chain_head SET head_hash = :h, last_id = :id WHERE id = 1")
                    .param("h", head).param("id", lastId).update();
        }
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
