package cn.jiandu.problem.domain;

import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.time.ClockConfig;
import cn.jiandu.shared.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 数据看板 figures. reported = submitted in the period, withdrawn excluded; resolved = of those, replied and not
 * reopened since (REPLIED, or CLOSED as RATED/UNRATED); resolutionRate = resolved / (reported − transferred);
 * satisfactionRate = (满意 + 基本满意) / rated; overdue = of those, still at the unit past the deadline.
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
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                SELECT p.created_at, p.category_code, p.handling_unit_id, p.status, p.close_reason, p.rating, p.due_at
                FROM problem p WHERE (p.close_reason IS NULL OR p.close_reason <> 'WITHDRAWN')""");
        if (from != null) {
            sql.append(" AND p.created_at >= :from");
            params.put("from", ProblemRepository.ts(from.atStartOfDay(ClockConfig.ZONE).toInstant()));
        }
        if (to != null) {
            sql.append(" AND p.created_at < :to");
            params.put("to", ProblemRepository.ts(to.plusDays(1).atStartOfDay(ClockConfig.ZONE).toInstant()));
        }
        if (orgUnitId != null) {
            OrgUnitView unit = org.find(orgUnitId)
                    .orElseThrow(() -> ApiException.invalidField("orgUnitId", "problem.error.unknownOrgUnit"));
            sql.append(" AND p.org_unit_id IN (SELECT id FROM org_unit WHERE path LIKE :orgPath)");
            params.put("orgPath", unit.path() + "%");
        }
        Tally total = new Tally();
        Map<String, Tally> byCategory = new LinkedHashMap<>();
        Map<String, Tally> byMonth = new TreeMap<>();
        Map<Long, Tally> byUnit = new LinkedHashMap<>();
        Instant now = clock.instant();
        jdbc.query(sql.toString(), params, rs -> {
            Instant created = rs.getTimestamp("created_at").toInstant();
            String status = rs.getString("status");
            String reason = rs.getString("close_reason");
            String rating = rs.getString("rating");
            java.sql.Timestamp due = rs.getTimestamp("due_at");
            boolean resolved = "REPLIED".equals(status)
                    || ("CLOSED".equals(status) && ("RATED".equals(reason) || "UNRATED".equals(reason)));
            boolean overdue = ("DISPATCHED".equals(status) || "IN_PROGRESS".equals(status)) && due != null
                    && due.toInstant().isBefore(now);
            total.add(resolved, status, rating, overdue);
            byCategory.computeIfAbsent(rs.getString("category_code"), k -> new Tally()).add(resolved, status, rating,
                    overdue);
            byMonth.computeIfAbsent(YearMonth.from(created.atZone(ClockConfig.ZONE)).toString(), k -> new Tally())
                    .add(resolved, status, rating, overdue);
            long unit = rs.getLong("handling_unit_id");
            if (!rs.wasNull()) {
                byUnit.computeIfAbsent(unit, k -> new Tally()).add(resolved, status, rating, overdue);
            }
        });
        ProblemQueries.Names names = queries.names();
        long denominator = total.reported - total.transferred;
        return new Stats(total.reported, total.resolved, total.closed, total.transferred,
                denominator == 0 ? null : (double) total.resolved / denominator,
                total.rated == 0 ? null : (double) total.satisfied / total.rated, total.overdue,
                byCategory.entrySet().stream().map(e -> e.getValue().bucket(e.getKey(), names.category(e.getKey())))
                        .toList(),
                byMonth.entrySet().stream().map(e -> e.getValue().bucket(e.getKey(), e.getKey())).toList(),
                byUnit.entrySet().stream().map(e -> e.getValue().bucket(String.valueOf(e.getKey()),
                        names.unit(e.getKey()))).toList());
    }

    private static final class Tally {
        long reported;
        long resolved;
        long closed;
        long transferred;
        long rated;
        long satisfied;
        long overdue;

        void add(boolean isResolved, String status, String rating, boolean isOverdue) {
            reported++;
            if (isResolved) {
                resolved++;
            }
            if ("CLOSED".equals(status)) {
                closed++;
            }
            if ("TRANSFERRED".equals(status)) {
                transferred++;
            }
            if (rating != null) {
                rated++;
                if (!"DISSATISFIED".equals(rating)) {
                    satisfied++;
                }
            }
            if (isOverdue) {
                overdue++;
            }
        }

        Bucket bucket(String key, String name) {
            return new Bucket(key, name, reported, resolved);
        }
    }
}
