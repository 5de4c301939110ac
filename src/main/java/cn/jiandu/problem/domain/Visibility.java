package cn.jiandu.problem.domain;

import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgSql;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who may read which report, as an SQL condition on alias {@code p}: ADMIN/LEADER everything; a HANDLER what is
 * assigned to his unit (never a transferred clue); a BRANCH_SECRETARY what concerns his unit's subtree (no clues);
 * everybody his own reports.
 */
@Component
public class Visibility {

    public record Scope(String sql, Map<String, Object> params) {
    }

    private final OrgDirectory org;

    Visibility(OrgDirectory org) {
        this.org = org;
    }

    public Scope of(JianduPrincipal me) {
        if (me.seesEverything()) {
            return new Scope("1 = 1", Map.of());
        }
        List<String> any = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        any.add("p.reporter_id = :vMe");
        params.put("vMe", me.id());
        if (me.has(Role.HANDLER)) {
            any.add("(p.handling_unit_id = :vUnit AND p.status <> 'TRANSFERRED')");
            params.put("vUnit", me.orgUnitId());
        }
        if (me.has(Role.BRANCH_SECRETARY)) {
            String path = org.find(me.orgUnitId()).map(OrgUnitView::path).orElse("/none/");
            any.add("(p.org_unit_id IN (" + OrgSql.subtreeAtPath(":vPath") + ") AND p.status <> 'TRANSFERRED')");
            params.put("vPath", path);
        }
        return new Scope("(" + String.join(" OR ", any) + ")", params);
    }
}
