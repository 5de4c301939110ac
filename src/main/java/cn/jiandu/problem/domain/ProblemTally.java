package cn.jiandu.problem.domain;

import cn.jiandu.problem.CloseReason;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.Rating;
import cn.jiandu.shared.time.ClockConfig;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@code problem_tally} (the dashboard's counters per month × concerned unit × category, and per month ×
 * concerned unit × handling unit, each also for all units together) in step with the reports. {@link ProblemRepository} reports every change of a
 * report as the move of its {@link Contribution} from the state before to the state after; the moves of one
 * transaction are summed and written just before it commits, in key order: the counters are locked for
 * milliseconds, not for a whole submission with photos, and two transactions never lock them in opposite orders.
 * A rolled-back transaction writes nothing.
 */
@Component
class ProblemTally {

    static final String CATEGORY = "C";
    static final String HANDLING_UNIT = "H";
    /** The org_unit_id of the counters of all units together. */
    static final long ALL_UNITS = 0;

    private static final Comparator<Key> ORDER = Comparator.comparingInt(Key::month).thenComparingLong(Key::orgUnitId)
            .thenComparing(Key::dimension).thenComparing(Key::dimKey);

    /** What one report adds to the counters; {@code null} for a withdrawn one (it counts nowhere). */
    record Contribution(int month, long orgUnitId, String categoryCode, Long handlingUnitId, boolean resolved,
            boolean closed, boolean transferred, boolean rated, boolean satisfied, boolean openDue) {

        /** The columns {@link #ofRow} reads, on alias {@code p}. */
        static final String COLUMNS = "p.status, p.close_reason, p.rating, p.created_at, p.category_code,"
                + " p.org_unit_id, p.handling_unit_id, p.due_at";

        /** The contribution of a row selected with {@link #COLUMNS}. */
        static Contribution ofRow(ResultSet rs) throws SQLException {
            String reason = rs.getString("close_reason");
            String rating = rs.getString("rating");
            return of(ProblemStatus.valueOf(rs.getString("status")), reason == null ? null : CloseReason.valueOf(reason),
                    rating == null ? null : Rating.valueOf(rating), ProblemRepository.instant(rs, "created_at"),
                    rs.getString("category_code"), rs.getLong("org_unit_id"),
                    ProblemRepository.longOrNull(rs, "handling_unit_id"), rs.getTimestamp("due_at") != null);
        }

        static Contribution of(Problem p) {
            return of(p.status(), p.closeReason(), p.rating(), p.createdAt(), p.categoryCode(), p.orgUnitId(),
                    p.handlingUnitId(), p.dueAt() != null);
        }

        static Contribution of(ProblemStatus status, CloseReason reason, Rating rating, Instant createdAt,
                String categoryCode, long orgUnitId, Long handlingUnitId, boolean hasDeadline) {
            if (reason == CloseReason.WITHDRAWN) {
                return null;
            }
            boolean resolved = status == ProblemStatus.REPLIED
                    || (status == ProblemStatus.CLOSED && (reason == CloseReason.RATED || reason == CloseReason.UNRATED));
            return new Contribution(monthOf(createdAt), orgUnitId, categoryCode, handlingUnitId, resolved,
                    status == ProblemStatus.CLOSED, status == ProblemStatus.TRANSFERRED, rating != null,
                    rating != null && rating.isSatisfied(), status.isOpenAtUnit() && hasDeadline);
        }

        /** {reported, resolved, closed, transferred, rated, satisfied, openDue}, each 0 or {@code sign}. */
        long[] counters(int sign) {
            return new long[] {sign, resolved ? sign : 0, closed ? sign : 0, transferred ? sign : 0,
                    rated ? sign : 0, satisfied ? sign : 0, openDue ? sign : 0};
        }
    }

    record Key(int month, long orgUnitId, String dimension, String dimKey) {
    }

    /** yyyymm of the instant in China Standard Time, the tally's month. */
    static int monthOf(Instant instant) {
        YearMonth m = YearMonth.from(instant.atZone(ClockConfig.ZONE));
        return m.getYear() * 100 + m.getMonthValue();
    }

    static YearMonth yearMonth(int month) {
        return YearMonth.of(month / 100, month % 100);
    }

    private final JdbcClient jdbc;

    ProblemTally(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A report moved from {@code before} to {@code after} (either may be null: new, withdrawn). */
    void moved(Contribution before, Contribution after) {
        if (before == null && after == null || before != null && before.equals(after)) {
            return;
        }
        boolean inTransaction = TransactionSynchronizationManager.isSynchronizationActive();
        Map<Key, long[]> deltas = inTransaction ? pending() : new TreeMap<>(ORDER);
        add(deltas, before, -1);
        add(deltas, after, 1);
        if (!inTransaction) {
            write(deltas);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<Key, long[]> pending() {
        Map<Key, long[]> deltas = (Map<Key, long[]>) TransactionSynchronizationManager.getResource(this);
        if (deltas == null) {
            Map<Key, long[]> created = new TreeMap<>(ORDER);
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    write(created);
                }

                // an inner REQUIRES_NEW transaction gets its own moves, written at its own commit
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResource(ProblemTally.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(ProblemTally.this, created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ProblemTally.this);
                }
            });
            deltas = created;
        }
        return deltas;
    }

    private static void add(Map<Key, long[]> deltas, Contribution c, int sign) {
        if (c == null) {
            return;
        }
        for (long unit : new long[] {c.orgUnitId(), ALL_UNITS}) {
            addTo(deltas, new Key(c.month(), unit, CATEGORY, c.categoryCode()), c.counters(sign));
            if (c.handlingUnitId() != null) {
                addTo(deltas, new Key(c.month(), unit, HANDLING_UNIT, String.valueOf(c.handlingUnitId())),
                        c.counters(sign));
            }
        }
    }

    private static void addTo(Map<Key, long[]> deltas, Key key, long[] counters) {
        long[] sum = deltas.computeIfAbsent(key, k -> new long[counters.length]);
        for (int i = 0; i < counters.length; i++) {
            sum[i] += counters[i];
        }
    }

    private void write(Map<Key, long[]> deltas) {
        deltas.forEach((key, d) -> {
            if (isZero(d)) {
                return;
            }
            if (update(key, d) == 0) {
                // first report of this bucket: create it (a concurrent creator wins harmlessly), then count
                jdbc.sql("""
                        INSERT INTO problem_tally (month_key, org_unit_id, dimension, dim_key)
                        VALUES (:month, :org, :dimension, :key) ON CONFLICT DO NOTHING""")
                        .params(keyParams(key)).update();
                update(key, d);
            }
        });
        deltas.clear();
    }

    private int update(Key key, long[] d) {
        return jdbc.sql("""
                UPDATE problem_tally SET reported = reported + :reported, resolved = resolved + :resolved,
                    closed = closed + :closed, transferred = transferred + :transferred, rated = rated + :rated,
                    satisfied = satisfied + :satisfied, open_due = open_due + :openDue
                WHERE month_key = :month AND org_unit_id = :org AND dimension = :dimension AND dim_key = :key""")
                .params(keyParams(key)).param("reported", d[0]).param("resolved", d[1]).param("closed", d[2])
                .param("transferred", d[3]).param("rated", d[4]).param("satisfied", d[5]).param("openDue", d[6])
                .update();
    }

    private static Map<String, Object> keyParams(Key key) {
        return Map.of("month", key.month(), "org", key.orgUnitId(), "dimension", key.dimension(), "key",
                key.dimKey());
    }

    private static boolean isZero(long[] d) {
        for (long v : d) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
