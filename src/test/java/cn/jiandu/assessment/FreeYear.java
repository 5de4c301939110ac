package cn.jiandu.assessment;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A far-future year for an assessment test of its own: no scheme for it yet and no grid-supervisor appointment of
 * another test active in it (a run assesses every appointment active in its period, so one test's three-year
 * appointment would otherwise join the next test's run).
 */
final class FreeYear {

    private FreeYear() {
    }

    static int pick(JdbcClient jdbc, int from, int span) {
        int year = from - ThreadLocalRandom.current().nextInt(span);
        while (taken(jdbc, year)) {
            year--;
        }
        return year;
    }

    private static boolean taken(JdbcClient jdbc, int year) {
        int schemes = jdbc.sql("SELECT COUNT(*) FROM assessment_scheme WHERE scheme_year = :y").param("y", year)
                .query(Integer.class).single();
        int appointments = jdbc.sql("""
                SELECT COUNT(*) FROM ledger_appointment
                WHERE type = 'GRID_SUPERVISOR' AND starts_on <= :last AND ends_on >= :first""")
                .param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31))
                .query(Integer.class).single();
        return schemes + appointments > 0;
    }
}
