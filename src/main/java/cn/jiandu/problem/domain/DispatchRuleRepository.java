package cn.jiandu.problem.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class DispatchRuleRepository {

    private static final String SELECT = """
            SELECT id, name, category_code, org_unit_id, keywords, handling_unit_id, deadline_working_days, priority,
                   enabled FROM dispatch_rule""";
    private final JdbcClient jdbc;

    DispatchRuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DispatchRule> all() {
        return jdbc.sql(SELECT + " ORDER BY priority, id").query(DispatchRuleRepository::map).list();
    }

    public Optional<DispatchRule> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(DispatchRuleRepository::map).optional();
    }

    public DispatchRule insert(DispatchRule r) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                INSERT INTO dispatch_rule (name, category_code, org_unit_id, keywords, handling_unit_id,
                    deadline_working_days, priority, enabled)
                VALUES (:name, :category, :org, :keywords, :unit, :days, :priority, :enabled)"""), r)
                .update(keys, "id");
        return find(keys.getKey().longValue()).orElseThrow();
    }

    public boolean update(long id, DispatchRule r) {
        return bind(jdbc.sql("""
                UPDATE dispatch_rule SET name = :name, category_code = :category, org_unit_id = :org,
                    keywords = :keywords, handling_unit_id = :unit, deadline_working_days = :days,
                    priority = :priority, enabled = :enabled WHERE id = :id"""), r).param("id", id).update() == 1;
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM dispatch_rule WHERE id = :id").param("id", id).update() == 1;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DispatchRule r) {
        return spec.param("name", r.name()).param("category", r.categoryCode()).param("org", r.orgUnitId())
                .param("keywords", r.keywords()).param("unit", r.handlingUnitId())
                .param("days", r.deadlineWorkingDays()).param("priority", r.priority()).param("enabled", r.enabled());
    }

    /** By column name, not by probing property-name variants (each miss is a stack trace in H2's trace file). */
    static DispatchRule map(ResultSet rs, int n) throws SQLException {
        long org = rs.getLong("org_unit_id");
        Long orgUnitId = rs.wasNull() ? null : org;
        return new DispatchRule(rs.getLong("id"), rs.getString("name"), rs.getString("category_code"), orgUnitId,
                rs.getString("keywords"), rs.getLong("handling_unit_id"), rs.getInt("deadline_working_days"),
                rs.getInt("priority"), rs.getBoolean("enabled"));
    }
}
