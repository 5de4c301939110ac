package cn.jiandu.problem.domain;

import cn.jiandu.shared.time.ClockConfig;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gap-free official numbers: the year's counter row is incremented inside the submitting transaction (its row lock
 * orders concurrent submissions), so a submission refused after that point gives its number back on rollback. Call
 * it as late as possible in the transaction — after the photos are checked — to hold the lock briefly.
 */
@Component
class ProblemNumbers {

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;

    ProblemNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    String next(Instant createdAt) {
        int year = LocalDate.ofInstant(createdAt, ClockConfig.ZONE).getYear();
        if (jdbc.sql("UPDATE problem_number SET last_value = last_value + 1 WHERE number_year = :y").param("y", year)
                .update() == 0) {
            startYear(year);
            jdbc.sql("UPDATE problem_number SET last_value = last_value + 1 WHERE number_year = :y").param("y", year).update();
        }
        long value = jdbc.sql("SELECT last_value FROM problem_number WHERE number_year = :y").param("y", year)
                .query(Long.class).single();
        return String.format("JD-%d-%06d", year, value);
    }

    /** The year's first number: its row, committed on its own (two first submissions: one inserts, both count on). */
    private void startYear(int year) {
        String prefix = "JD-" + year + "-";
        separately.executeWithoutResult(tx -> {
            String highest = jdbc.sql("SELECT MAX(number) FROM problem WHERE number LIKE :p").param("p", prefix + "%")
                    .query(String.class).optional().orElse(null);
            long last = highest == null ? 0 : Long.parseLong(highest.substring(prefix.length()));
            try {
                jdbc.sql("INSERT INTO problem_number (number_year, last_value) VALUES (:y, :v)").param("y", year)
                        .param("v", last).update();
            } catch (DuplicateKeyException started) {
                tx.setRollbackOnly();
            }
        });
    }
}
