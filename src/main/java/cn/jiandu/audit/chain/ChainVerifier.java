package cn.jiandu.audit.chain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the chain in its order (streamed, never all in memory) and reports the first break: a link whose entry is
 * gone or whose content no longer hashes to the stored hash, a missing or moved link, a head that does not match,
 * an exported head the chain no longer passes through, or an entry left unlinked beyond the grace period (inserted
 * into the past). Entries younger than the grace period that the chainer has not linked yet are not a break.
 */
@Component
public class ChainVerifier {

    /** {@code firstBreak} is the id of the first entry whose link or content does not match, or null. */
    public record Verification(long entries, boolean valid, Long firstBreak) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditChain chain;

    ChainVerifier(JdbcClient jdbc, Clock clock, AuditChain chain) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.chain = chain;
    }

    @Transactional(readOnly = true)
    public Verification verify() {
        return verify(List.of());
    }

    /**
     * Also checks the chain against heads exported earlier ({@link HeadCheckpoints}): at each checkpoint's entry the
     * stored hash and the chain's length so far must be the exported ones. A table rewritten as a whole (every hash
     * recomputed) passes the walk but not a checkpoint; {@code firstBreak} is then the checkpoint's entry (the
     * rewrite is at or before it), or the checkpoint's entry when that entry is gone.
     */
    @Transactional(readOnly = true)
    public Verification verify(Collection<HeadCheckpoint> checkpoints) {
        Map<Long, HeadCheckpoint> anchors = new HashMap<>();
        checkpoints.forEach(c -> anchors.put(c.lastId(), c));
        var walk = new Walk();
        // the head first, then the chain up to it: the chainer commits links and the head that covers them together,
        // so every link up to the head read here is visible, and links committed meanwhile are not part of the walk
        // (an isolation level would not do: H2's REPEATABLE READ still shows rows inserted meanwhile)
        var head = jdbc.sql("SELECT last_id, head_hash, last_seq FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> new Object[] {rs.getObject("last_id", Long.class), rs.getString("head_hash"),
                        rs.getLong("last_seq")})
                .single();
        jdbc.sql("SELECT c.seq, c.entry_id, c.prev_hash, c.entry_hash, " + AuditChain.columns()
                        + " FROM audit_chain c LEFT JOIN audit_entry e ON e.id = c.entry_id"
                        + " WHERE c.seq <= :lastSeq ORDER BY c.seq")
                .param("lastSeq", head[2])
                .withFetchSize(500)
                .query(rs -> {
                    walk.entries++;
                    if (walk.firstBreak != null) {
                        return;
                    }
                    long entryId = rs.getLong("entry_id");
                    long seq = rs.getLong("seq");
                    String prev = rs.getString("prev_hash");
                    String stored = rs.getString("entry_hash");
                    rs.getLong("id");
                    boolean entryGone = rs.wasNull();
                    HeadCheckpoint anchor = anchors.remove(entryId);
                    if (entryGone || seq != walk.seq + 1 || !prev.equals(walk.head)
                            || !AuditChain.hashRow(null, rs).hash(walk.head).equals(stored)) {
                        walk.firstBreak = entryId;
                    } else if (anchor != null
                            && (!anchor.headHash().equals(stored) || anchor.entries() != walk.entries)) {
                        walk.firstBreak = entryId;
                    } else {
                        walk.head = stored;
                        walk.lastId = entryId;
                        walk.seq = seq;
                    }
                });
        if (walk.firstBreak == null && !anchors.isEmpty()) {
            // an exported head names an entry the chain no longer passes through
            walk.firstBreak = anchors.keySet().stream().min(Long::compare).orElseThrow();
        }
        if (walk.firstBreak == null) {
            boolean headMatches = walk.head.equals(head[1]) && Objects.equals(walk.lastId, head[0])
                    && walk.seq == (Long) head[2];
            if (!headMatches) {
                // links removed from the end, or the head rewritten: the break is just after the last good entry
                walk.firstBreak = walk.lastId == null ? 0L : walk.lastId + 1;
            }
        }
        var cutoff = Timestamp.from(clock.instant().minus(chain.grace()));
        var unlinked = jdbc.sql("SELECT COUNT(*) AS n, MIN(CASE WHEN e.occurred_at < :cutoff THEN e.id END) AS old "
                        + "FROM audit_entry e WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.entry_id = e.id)")
                .param("cutoff", cutoff)
                .query((rs, n) -> new long[] {rs.getLong("n"), rs.getObject("old") == null ? -1 : rs.getLong("old")})
                .single();
        if (walk.firstBreak == null && unlinked[1] >= 0) {
            walk.firstBreak = unlinked[1];
        }
        return new Verification(walk.entries + unlinked[0], walk.firstBreak == null, walk.firstBreak);
    }

    private static final class Walk {
        long entries;
        long seq;
        String head = ChainHash.GENESIS;
        Long lastId;
        Long firstBreak;
    }
}
