package cn.jiandu.problem.web;

import cn.jiandu.org.OrgDirectory;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.ApiException;
import org.springframework.stereotype.Component;

/** The dashboard's data scope: ADMIN/LEADER any subtree; a branch secretary his own unit's subtree only. */
@Component
class StatsScope {

    private final OrgDirectory org;

    StatsScope(OrgDirectory org) {
        this.org = org;
    }

    Long unitFor(JianduPrincipal me, Long requested) {
        if (me.seesEverything()) {
            return requested;
        }
        if (requested == null) {
            return me.orgUnitId();
        }
        if (org.find(requested).isEmpty()) {
            throw ApiException.invalidField("orgUnitId", "problem.error.unknownOrgUnit");
        }
        if (!org.isWithin(requested, me.orgUnitId())) {
            throw ApiException.forbidden();
        }
        return requested;
    }
}
