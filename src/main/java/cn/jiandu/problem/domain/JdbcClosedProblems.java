package cn.jiandu.problem.domain;

import cn.jiandu.problem.CloseReason;
import cn.jiandu.problem.ClosedProblems;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.shared.security.JianduPrincipal;
import java.sql.Timestamp;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcClosedProblems implements ClosedProblems {

    private final JdbcClient jdbc;
    private final Visibility visibility;

    JdbcClosedProblems(JdbcClient jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @Override
    public Optional<ClosedProblem> find(long problemId) {
        List<String> replies = jdbc.sql("""
                SELECT comment FROM problem_step WHERE problem_id = :id AND action = 'REPLY' AND comment IS NOT NULL
                ORDER BY id""").param("id", problemId).query(String.class).list();
        Set<Long> people = new LinkedHashSet<>(jdbc.sql("""
                SELECT reporter_id FROM problem WHERE id = :id
                UNION SELECT actor_id FROM problem_step WHERE problem_id = :id AND actor_id IS NOT NULL""")
                .param("id", problemId).query(Long.class).list());
        return jdbc.sql("""
                SELECT p.id, p.number, p.status, p.close_reason, p.category_code, c.name AS category_name, p.title,
                       p.description, p.location, p.closed_at
                FROM problem p JOIN problem_category c ON c.code = p.category_code WHERE p.id = :id""")
                .param("id", problemId)
                .query((rs, n) -> {
                    String reason = rs.getString("close_reason");
                    Timestamp closed = rs.getTimestamp("closed_at");
                    return new ClosedProblem(rs.getLong("id"), rs.getString("number"),
                            ProblemStatus.valueOf(rs.getString("status")),
                            reason == null ? null : CloseReason.valueOf(reason), rs.getString("category_code"),
                            rs.getString("category_name"), rs.getString("title"), rs.getString("description"),
                            rs.getString("location"), replies, closed == null ? null : closed.toInstant(), people);
                }).optional();
    }

    @Override
    public boolean mayRead(JianduPrincipal me, long problemId) {
        Visibility.Scope scope = visibility.of(me);
        return jdbc.sql("SELECT COUNT(*) FROM problem p WHERE p.id = :pid AND " + scope.sql()).params(scope.params())
                .param("pid", problemId).query(Long.class).single() > 0;
    }
}
