package cn.jiandu.problem.domain;

import cn.jiandu.problem.ProblemFacts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcProblemFacts implements ProblemFacts {

    private static final String SELECT = """
            SELECT p.id, p.number, p.reporter_id, p.category_code, p.created_at, p.status, p.close_reason, p.rating,
                   p.due_at, p.replied_at, p.reopen_count
            FROM problem p
            WHERE p.anonymous = FALSE AND (p.close_reason IS NULL OR p.close_reason <> 'WITHDRAWN')""";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcProblemFacts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Fact> find(long problemId) {
        Instant now = clock.instant();
        return jdbc.sql(SELECT + " AND p.id = :id").param("id", problemId).query((rs, n) -> map(rs, now)).optional();
    }

    @Override
    public List<Fact> reportedBetween(Instant from, Instant to) {
        Instant now = clock.instant();
        return jdbc.sql(SELECT + " AND p.created_at >= :f AND p.created_at < :t ORDER BY p.id")
                .param("f", Timestamp.from(from)).param("t", Timestamp.from(to)).query((rs, n) -> map(rs, now))
                .list();
    }

    private static Fact map(ResultSet rs, Instant now) throws SQLException {
        String status = rs.getString("status");
        String reason = rs.getString("close_reason");
        String rating = rs.getString("rating");
        Instant due = instant(rs, "due_at");
        Instant replied = instant(rs, "replied_at");
        boolean overdue = due != null && (replied != null ? replied.isAfter(due)
                : ("DISPATCHED".equals(status) || "IN_PROGRESS".equals(status)) && now.isAfter(due));
        return new Fact(rs.getLong("id"), rs.getString("number"), rs.getLong("reporter_id"),
                rs.getString("category_code"), instant(rs, "created_at"), "TRANSFERRED".equals(status),
                "CLOSED".equals(status) && ("RATED".equals(reason) || "UNRATED".equals(reason)),
                "SATISFIED".equals(rating) || "BASICALLY_SATISFIED".equals(rating), overdue,
                rs.getInt("reopen_count") > 0);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
