package cn.jiandu.problem.domain;

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
        return jdbc.sql(SELECT + " ORDER BY priority, id").query(DispatchRule.class).list();
    }

    public Optional<DispatchRule> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(DispatchRule.class).optional();
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
}
