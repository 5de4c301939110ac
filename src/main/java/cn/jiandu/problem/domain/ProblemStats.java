package cn.jiandu.problem.domain;

import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgSql;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.time.ClockConfig;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 数据看板 figures. reported = submitted in the period, withdrawn excluded; resolved = of those, replied and not
 * reopened since (REPLIED, or CLOSED as RATED/UNRATED); resolutionRate = resolved / (reported − transferred);
 * satisfactionRate = (满意 + 基本满意) / rated; overdue = of those, still at the unit past the deadline.
 * Whole months come from {@link ProblemTally}'s counters, so a year costs a few hundred tally rows (whole company)
 * rather than every report of the year; only the days of a cut month and the reports whose deadline is still ahead
 * (overdue moves with the clock) are read from the reports.
 */
@Service
@Transactional(readOnly = true)
public class ProblemStats {

    public record Bucket(String key, String name, long reported, long resolved) {
    }

    public record Stats(long reported, long resolved, long closed, long transferred, Double resolutionRate,
            Double satisfactionRate, long overdue, List<Bucket> byCategory, List<Bucket> byMonth,
            List<Bucket> byOrgUnit) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final OrgDirectory org;
    private final ProblemQueries queries;
    private final Clock clock;

    ProblemStats(DataSource dataSource, OrgDirectory org, ProblemQueries queries, Clock clock) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(1000);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.org = org;
        this.queries = queries;
        this.clock = clock;
    }

    /** Figures for reports submitted in [from, to] (CST days) concerning the subtree of {@code orgUnitId}. */
    public Stats compute(LocalDate from, LocalDate to, Long orgUnitId) {
        String orgPath = orgUnitId == null ? null : org.find(orgUnitId)
                .orElseThrow(() -> Refusal.invalidField("orgUnitId", "problem.error.unknownOrgUnit")).path();
        Figures figures = new Figures();
        // whole months from the tally; the days of a month cut by the period, at either end, from the reports
        YearMonth firstWhole = from == null ? null : from.getDayOfMonth() == 1 ? YearMonth.from(from)
                : YearMonth.from(from).plusMonths(1);
        YearMonth lastWhole = to == null ? null : to.equals(YearMonth.from(to).atEndOfMonth()) ? YearMonth.from(to)
                : YearMonth.from(to).minusMonths(1);
        if (firstWhole != null && lastWhole != null && firstWhole.isAfter(lastWhole)) {
            addReports(figures, from, to, orgPath);
        } else {
            addTally(figures, firstWhole, lastWhole, orgPath);
            if (from != null && from.getDayOfMonth() != 1) {
                addReports(figures, from, firstWhole.atDay(1).minusDays(1), orgPath);
            }
            if (to != null && !to.equals(YearMonth.from(to).atEndOfMonth())) {
                addReports(figures, lastWhole.plusMonths(1).atDay(1), to, orgPath);
            }
        }
        Tally total = figures.total;
        long overdue = total.openDue - dueAhead(from, to, orgPath);
        ProblemQueries.Names names = queries.names();
        long denominator = total.reported - total.transferred;
        return new Stats(total.reported, total.resolved, total.closed, total.transferred,
                denominator == 0 ? null : (double) total.resolved / denominator,
                total.rated == 0 ? null : (double) total.satisfied / total.rated, overdue,
                buckets(figures.byCategory, names::category),
                figures.byMonth.entrySet().stream().map(e -> e.getValue().bucket(e.getKey(), e.getKey())).toList(),
                buckets(figures.byUnit, key -> names.unit(Long.parseLong(key))));
    }

    /** The counters of whole months in [first, last] (open ends: all months) from {@code problem_tally}. */
    private void addTally(Figures figures, YearMonth first, YearMonth last, String orgPath) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                SELECT t.month_key, t.dimension, t.dim_key, SUM(t.reported) AS reported, SUM(t.resolved) AS resolved,
                    SUM(t.closed) AS closed, SUM(t.transferred) AS transferred, SUM(t.rated) AS rated,
                    SUM(t.satisfied) AS satisfied, SUM(t.open_due) AS open_due
                FROM problem_tally t WHERE 1 = 1""");
        if (first != null) {
            sql.append(" AND t.month_key >= :first");
            params.put("first", first.getYear() * 100 + first.getMonthValue());
        }
        if (last != null) {
            sql.append(" AND t.month_key <= :last");
            params.put("last", last.getYear() * 100 + last.getMonthValue());
        }
        if (orgPath != null) {
            sql.append(" AND t.org_unit_id IN (" + OrgSql.subtreeAtPath(":orgPath") + ")");
            params.put("orgPath", orgPath);
        } else {
            sql.append(" AND t.org_unit_id = " + ProblemTally.ALL_UNITS);
        }
        sql.append(" GROUP BY t.month_key, t.dimension, t.dim_key");
        jdbc.query(sql.toString(), params, rs -> {
            long[] counters = {rs.getLong("reported"), rs.getLong("resolved"), rs.getLong("closed"),
                    rs.getLong("transferred"), rs.getLong("rated"), rs.getLong("satisfied"), rs.getLong("open_due")};
            String key = rs.getString("dim_key");
            if (ProblemTally.CATEGORY.equals(rs.getString("dimension"))) {
                figures.addCategory(rs.getInt("month_key"), key, counters);
            } else {
                figures.addUnit(key, counters);
            }
        });
    }

    /** The counters of the reports submitted in [from, to] (at most a month at either end of the period). */
    private void addReports(Figures figures, LocalDate from, LocalDate to, String orgPath) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT " + ProblemTally.Contribution.COLUMNS
                + " FROM problem p WHERE 1 = 1");
        appendPeriod(sql, params, from, to, orgPath);
        jdbc.query(sql.toString(), params, rs -> {
            ProblemTally.Contribution c = ProblemTally.Contribution.ofRow(rs);
            if (c == null) {
                return;
            }
            long[] counters = c.counters(1);
            figures.addCategory(c.month(), c.categoryCode(), counters);
            if (c.handlingUnitId() != null) {
                figures.addUnit(String.valueOf(c.handlingUnitId()), counters);
            }
        });
    }

    /**
     * Reports of the period still at the unit whose deadline is still ahead, counted live: overdue is the counters'
     * open-with-a-deadline minus these. Few rows (only recent reports have a deadline ahead), read from an index.
     */
    private long dueAhead(LocalDate from, LocalDate to, String orgPath) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                SELECT COUNT(*) FROM problem p
                WHERE p.status IN ('DISPATCHED', 'IN_PROGRESS') AND p.due_at >= :now""");
        params.put("now", ProblemRepository.ts(clock.instant()));
        appendPeriod(sql, params, from, to, orgPath);
        Long n = jdbc.queryForObject(sql.toString(), params, Long.class);
        return n == null ? 0 : n;
    }

    /** Reports (alias {@code p}) submitted in [from, to] (CST days; open ends) in the subtree at {@code orgPath}. */
    private static void appendPeriod(StringBuilder sql, Map<String, Object> params, LocalDate from, LocalDate to,
            String orgPath) {
        if (from != null) {
            sql.append(" AND p.created_at >= :from");
            params.put("from", ProblemRepository.ts(from.atStartOfDay(ClockConfig.ZONE).toInstant()));
        }
        if (to != null) {
            sql.append(" AND p.created_at < :to");
            params.put("to", ProblemRepository.ts(to.plusDays(1).atStartOfDay(ClockConfig.ZONE).toInstant()));
        }
        if (orgPath != null) {
            sql.append(" AND p.org_unit_id IN (" + OrgSql.subtreeAtPath(":orgPath") + ")");
            params.put("orgPath", orgPath);
        }
    }

    /** Largest first, then by key, so the charts read from the top. */
    private static List<Bucket> buckets(Map<String, Tally> tallies, Function<String, String> name) {
        return tallies.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Tally> e) -> -e.getValue().reported)
                        .thenComparing(Map.Entry::getKey))
                .map(e -> e.getValue().bucket(e.getKey(), name.apply(e.getKey()))).toList();
    }

    private static final class Figures {
        final Tally total = new Tally();
        final Map<String, Tally> byCategory = new HashMap<>();
        final Map<String, Tally> byMonth = new TreeMap<>();
        final Map<String, Tally> byUnit = new HashMap<>();

        /** Counters by month and category: they also make the totals. */
        void addCategory(int month, String category, long[] counters) {
            total.add(counters);
            byCategory.computeIfAbsent(category, k -> new Tally()).add(counters);
            byMonth.computeIfAbsent(ProblemTally.yearMonth(month).toString(), k -> new Tally()).add(counters);
        }

        void addUnit(String handlingUnit, long[] counters) {
            byUnit.computeIfAbsent(handlingUnit, k -> new Tally()).add(counters);
        }
    }

    private static final class Tally {
        long reported;
        long resolved;
        long closed;
        long transferred;
        long rated;
        long satisfied;
        long openDue;

        /** Adds {reported, resolved, closed, transferred, rated, satisfied, openDue}. */
        void add(long[] c) {
            reported += c[0];
            resolved += c[1];
            closed += c[2];
            transferred += c[3];
            rated += c[4];
            satisfied += c[5];
            openDue += c[6];
        }

        Bucket bucket(String key, String name) {
            return new Bucket(key, name, reported, resolved);
        }
    }
}
