package cn.jiandu.problem.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.support.IntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tally's moves follow their transaction: written at its commit, dropped by its rollback, and an inner
 * REQUIRES_NEW transaction commits its own moves independently of the outer one. Counters of a unit id no org unit
 * has, in January 1900, so nothing else touches them.
 */
@IntegrationTest
class ProblemTallyTransactionTests {

    @Autowired
    ProblemTally tally;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void movesAreWrittenAtCommitDroppedAtRollbackAndKeptApartInAnInnerTransaction() {
        long unit = 900_000_000L + (UUID.randomUUID().getMostSignificantBits() & 0xFFFFFF);
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        outer.executeWithoutResult(s -> tally.moved(null, report(unit, "OTHER")));
        assertThat(reported(unit, "OTHER")).isEqualTo(1);

        outer.executeWithoutResult(s -> {
            tally.moved(null, report(unit, "OTHER"));
            inner.executeWithoutResult(i -> tally.moved(null, report(unit, "SAFETY")));
            assertThat(reported(unit, "SAFETY")).as("the inner transaction has committed").isEqualTo(1);
            s.setRollbackOnly();
        });
        assertThat(reported(unit, "OTHER")).as("the outer rollback dropped its move").isEqualTo(1);
        assertThat(reported(unit, "SAFETY")).isEqualTo(1);
        assertThat(reported(ProblemTally.ALL_UNITS, "SAFETY")).isPositive();

        outer.executeWithoutResult(s -> tally.moved(report(unit, "OTHER"), null));
        assertThat(reported(unit, "OTHER")).isZero();
        jdbc.sql("DELETE FROM problem_tally WHERE org_unit_id = :u").param("u", unit).update();
        jdbc.sql("UPDATE problem_tally SET reported = reported - 1 WHERE org_unit_id = 0 AND month_key = 190001"
                + " AND dimension = 'C' AND dim_key = 'SAFETY'").update();
    }

    private static ProblemTally.Contribution report(long unit, String category) {
        return ProblemTally.Contribution.of(ProblemStatus.PENDING_DISPATCH, null, null,
                Instant.parse("1900-01-15T04:00:00Z"), category, unit, null, false);
    }

    private long reported(long unit, String category) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(reported), 0) FROM problem_tally
                        WHERE month_key = 190001 AND org_unit_id = :u AND dimension = 'C' AND dim_key = :c""")
                .param("u", unit).param("c", category).query(Long.class).single();
    }
}
