package cn.jiandu.audit.chain;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Walks the chain in id order, row by row (streamed, never all in memory), and reports the first break. */
@Component
public class ChainVerifier {

    /** {@code firstBreak} is the id of the first entry whose link or content does not match, or null. */
    public record Verification(long entries, boolean valid, Long firstBreak) {
    }

    private final JdbcClient jdbc;

    ChainVerifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Verification verify() {
        return verify(List.of());
    }

    /**
     * Also checks the chain against heads exported earlier ({@link HeadCheckpoints}): at each checkpoint's entry the
     * stored hash and the number of entries so far must be the exported ones. A table rewritten as a whole (every
     * hash recomputed) passes the walk but not a checkpoint; {@code firstBreak} is then the checkpoint's entry (the
     * rewrite is at or before it), or the checkpoint's entry when that entry is gone.
     */
    @Transactional(readOnly = true)
    public Verification verify(Collection<HeadCheckpoint> checkpoints) {
        Map<Long, HeadCheckpoint> anchors = new HashMap<>();
        checkpoints.forEach(c -> anchors.put(c.lastId(), c));
        var walk = new Walk();
        jdbc.sql("SELECT " + AuditChain.columns() + ", c.prev_hash, c.entry_hash FROM audit_entry e "
                        + "LEFT JOIN audit_chain c ON c.entry_id = e.id ORDER BY e.id")
                .withFetchSize(500)
                .query(rs -> {
                    walk.entries++;
                    if (walk.firstBreak != null) {
                        return;
                    }
                    long id = rs.getLong("id");
                    String prev = rs.getString("prev_hash");
                    String stored = rs.getString("entry_hash");
                    String expected = AuditChain.hashRow(null, rs).hash(walk.head);
                    HeadCheckpoint anchor = anchors.remove(id);
                    if (prev == null || !prev.equals(walk.head) || !expected.equals(stored)) {
                        walk.firstBreak = id;
                    } else if (anchor != null
                            && (!anchor.headHash().equals(stored) || anchor.entries() != walk.entries)) {
                        walk.firstBreak = id;
                    } else {
                        walk.head = stored;
                        walk.lastId = id;
                    }
                });
        if (walk.firstBreak == null && !anchors.isEmpty()) {
            // an exported head names an entry that is no longer there
            walk.firstBreak = anchors.keySet().stream().min(Long::compare).orElseThrow();
        }
        if (walk.firstBreak == null) {
            var head = jdbc.sql("SELECT last_id, head_hash FROM audit_chain_head WHERE id = 1")
                    .query((rs, n) -> new Object[] {rs.getObject("last_id", Long.class), rs.getString("head_hash")})
                    .single();
            boolean headMatches = walk.head.equals(head[1]) && java.util.Objects.equals(walk.lastId, head[0]);
            if (!headMatches) {
                // entries removed from the end, or the head rewritten: the break is just after the last good entry
                walk.firstBreak = walk.lastId == null ? 0L : walk.lastId + 1;
            }
        }
        return new Verification(walk.entries, walk.firstBreak == null, walk.firstBreak);
    }

    private static final class Walk {
        long entries;
        String head = ChainHash.GENESIS;
        Long lastId;
        Long firstBreak;
    }
}
