package cn.jiandu.problem.domain;

import cn.jiandu.audit.AuditTargetNames;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reports in the audit log by their official number (编号), never by title: a title may name the reported. */
@Component
class ProblemAuditNames implements AuditTargetNames {

    private final JdbcClient jdbc;

    ProblemAuditNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String targetType() {
        return "problem";
    }

    @Override
    public Map<String, String> namesOf(Collection<String> ids) {
        List<Long> numeric = AuditTargetNames.numeric(ids);
        Map<Long, String> names = new HashMap<>();
        if (!numeric.isEmpty()) {
            jdbc.sql("SELECT id, number FROM problem WHERE id IN (:ids) AND number IS NOT NULL")
                    .param("ids", numeric)
                    .query((rs, n) -> names.put(rs.getLong("id"), rs.getString("number"))).list();
        }
        return AuditTargetNames.byText(names);
    }
}
