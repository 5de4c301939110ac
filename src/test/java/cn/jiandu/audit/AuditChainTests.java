package cn.jiandu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

    @Test
    void anInsertedEntryBreaksTheChainThere() {
        long[] inserted = new long[1];
        var v = tampered(ids -> {
            inserted[0] = ids.get(2) + 1000;
            jdbc.sql("""
                    INSERT INTO audit_entry (id, occurred_at, action, outcome)
                    VALUES (:id, CURRENT_TIMESTAMP, 'forged', 'SUCCESS')""").param("id", inserted[0]).update();
        });
        assertThat(v.firstBreak()).isEqualTo(inserted[0]);
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
