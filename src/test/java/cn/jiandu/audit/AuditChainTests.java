package cn.jiandu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.audit.chain.AuditChain;
import cn.jiandu.audit.chain.ChainVerifier;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Every kind of tampering with the table breaks the chain at the tampered entry. Tampering is rolled back. */
@IntegrationTest
class AuditChainTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditTrail trail;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    AuditChain chain;

    List<Long> threeEntries() {
        for (int i = 0; i < 3; i++) {
            trail.recordAs(null, "chain-test", "chain.test", "test", i, Outcome.SUCCESS, "n" + i);
        }
        return jdbc.sql("SELECT id FROM audit_entry WHERE actor_name = 'chain-test' ORDER BY id DESC")
                .query(Long.class).list().subList(0, 3).stream().sorted().toList();
    }

    ChainVerifier.Verification tampered(Consumer<List<Long>> tamper) {
        return tx.execute(status -> {
            List<Long> ids = threeEntries();
            chain.linkPending();
            assertThat(verifier.verify().valid()).isTrue();
            tamper.accept(ids);
            var v = verifier.verify();
            status.setRollbackOnly();
            return v;
        });
    }

    @Test
    void anIntactChainIsValidAndTheEndpointSaysSo() throws Exception {
        threeEntries();
        var direct = verifier.verify();
        assertThat(direct.valid()).as("verification of an untouched chain: %s", direct).isTrue();
        mvc.perform(Api.as(mvc, "admin", get("/api/v1/audit/verify"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.firstBreak").doesNotExist());
        assertThat(verifier.verify().entries()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void onlyTheAdminMayVerify() throws Exception {
        mvc.perform(Api.as(mvc, "secretary", get("/api/v1/audit/verify"))).andExpect(status().isForbidden());
    }

    @Test
    void anEditedEntryBreaksTheChainThere() {
        long[] middle = new long[1];
        var v = tampered(ids -> {
            middle[0] = ids.get(1);
            jdbc.sql("UPDATE audit_entry SET detail = 'forged' WHERE id = :id").param("id", ids.get(1)).update();
        });
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBreak()).isEqualTo(middle[0]);
    }

    @Test
    void aDeletedEntryBreaksTheChainAtItsSuccessor() {
        long[] last = new long[1];
        var v = tampered(ids -> {
            last[0] = ids.get(2);
            jdbc.sql("DELETE FROM audit_chain WHERE entry_id = :id").param("id", ids.get(1)).update();
            jdbc.sql("DELETE FROM audit_entry WHERE id = :id").param("id", ids.get(1)).update();
        });
        assertThat(v.firstBreak()).isEqualTo(last[0]);
    }

    /**
     * An entry slipped into the past (dated before the grace period, as a forger backdating "admin did X last
     * month" must) is never linked, and verification reports it. An entry dated now is indistinguishable from one
     * whose transaction has just committed: the chain protects the past, not the present moment.
     */
    @Test
    void anEntryInsertedIntoThePastBreaksTheChainThere() {
        long[] inserted = new long[1];
        var v = tampered(ids -> {
            inserted[0] = ids.get(2) + 1000;
            jdbc.sql("""
                    INSERT INTO audit_entry (id, occurred_at, action, outcome)
                    VALUES (:id, :at, 'forged', 'SUCCESS')""").param("id", inserted[0])
                    .param("at", java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(30))))
                    .update();
            chain.linkPending();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_chain WHERE entry_id = :id").param("id", inserted[0])
                    .query(Long.class).single()).as("the sweep does not link a backdated entry").isZero();
        });
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBreak()).isEqualTo(inserted[0]);
    }

    /**
     * A transaction that appended first but commits last (it holds the smaller id) is linked after the one that
     * committed first: linking in id order at append time would have skipped it for good.
     */
    @Test
    void aLateCommitIsLinkedAfterTheEarlierCommit() throws Exception {
        var appended = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var slow = java.util.concurrent.CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            trail.recordAs(null, "chain-slow", "chain.test", "test", "slow", Outcome.SUCCESS, "slow");
            appended.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        appended.await();
        trail.recordAs(null, "chain-fast", "chain.test", "test", "fast", Outcome.SUCCESS, "fast");
        chain.linkPending();
        release.countDown();
        slow.get(30, java.util.concurrent.TimeUnit.SECONDS);
        chain.linkPending();
        long slowId = idOf("chain-slow");
        long fastId = idOf("chain-fast");
        assertThat(slowId).as("the slow one appended first").isLessThan(fastId);
        assertThat(seqOf(slowId)).as("and is linked after the fast one").isGreaterThan(seqOf(fastId));
        var v = verifier.verify();
        assertThat(v.valid()).as("%s", v).isTrue();
    }

    @Test
    void concurrentAppendsAreAllLinkedIntoOneValidChain() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        trail.recordAs(null, "chain-many", "chain.test", "test", thread + "-" + i, Outcome.SUCCESS, null);
                    }
                }));
            }
            for (var f : futures) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        chain.linkPending();
        long unlinked = jdbc.sql("SELECT COUNT(*) FROM audit_entry e WHERE e.actor_name = 'chain-many' AND NOT EXISTS "
                + "(SELECT 1 FROM audit_chain c WHERE c.entry_id = e.id)").query(Long.class).single();
        assertThat(unlinked).isZero();
        var v = verifier.verify();
        assertThat(v.valid()).as("%s", v).isTrue();
    }

    long idOf(String actor) {
        return jdbc.sql("SELECT MAX(id) FROM audit_entry WHERE actor_name = :a").param("a", actor).query(Long.class)
                .single();
    }

    long seqOf(long entryId) {
        return jdbc.sql("SELECT seq FROM audit_chain WHERE entry_id = :id").param("id", entryId).query(Long.class)
                .single();
    }

    @Test
    void reorderedEntriesBreakTheChainAtTheFirstMoved() {
        long[] first = new long[1];
        var v = tampered(ids -> {
            first[0] = ids.get(0);
            jdbc.sql("UPDATE audit_entry SET detail = 'n1' WHERE id = :id").param("id", ids.get(0)).update();
            jdbc.sql("UPDATE audit_entry SET detail = 'n0', target_id = '0' WHERE id = :id")
                    .param("id", ids.get(1)).update();
            jdbc.sql("UPDATE audit_entry SET target_id = '1' WHERE id = :id").param("id", ids.get(0)).update();
        });
        assertThat(v.firstBreak()).isEqualTo(first[0]);
    }
}
