package cn.jiandu.problem.web;

import cn.jiandu.problem.domain.DispatchRule;

/** A dispatch rule as the API shows it (ids as strings). */
record DispatchRuleJson(String id, String name, String categoryCode, String orgUnitId, String keywords,
        String handlingUnitId, Integer deadlineWorkingDays, Integer priority, Boolean enabled) {

    static DispatchRuleJson of(DispatchRule r) {
        return new DispatchRuleJson(String.valueOf(r.id()), r.name(), r.categoryCode(),
                r.orgUnitId() == null ? null : String.valueOf(r.orgUnitId()), r.keywords(),
                String.valueOf(r.handlingUnitId()), r.deadlineWorkingDays(), r.priority(), r.enabled());
    }
}
