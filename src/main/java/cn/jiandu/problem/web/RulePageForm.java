package cn.jiandu.problem.web;

import cn.jiandu.problem.domain.DispatchRule;
import cn.jiandu.shared.web.ApiException;

/**
 * The edit form of the rules page. Every field is kept as typed (numbers too), so a refused form comes back as the
 * admin left it and "abc" in a number field is a readable field error instead of a binding failure.
 */
public class RulePageForm {

    private String name;
    private String categoryCode;
    private String orgUnitId;
    private String keywords;
    private String handlingUnitId;
    private String deadlineWorkingDays;
    private String priority;
    private boolean enabled;

    static RulePageForm of(DispatchRule r) {
        RulePageForm f = new RulePageForm();
        f.name = r.name();
        f.categoryCode = r.categoryCode();
        f.orgUnitId = r.orgUnitId() == null ? null : String.valueOf(r.orgUnitId());
        f.keywords = r.keywords();
        f.handlingUnitId = String.valueOf(r.handlingUnitId());
        f.deadlineWorkingDays = String.valueOf(r.deadlineWorkingDays());
        f.priority = String.valueOf(r.priority());
        f.enabled = r.enabled();
        return f;
    }

    /** The API's body for the same change; the numbers are parsed here, everything else is checked by the service. */
    DispatchRuleJson toJson() {
        Integer days = number(deadlineWorkingDays, "deadlineWorkingDays", "problem.error.days");
        Integer prio = number(priority, "priority", "problem.error.priority");
        return new DispatchRuleJson(null, name, categoryCode, orgUnitId, keywords, handlingUnitId, days, prio,
                enabled);
    }

    private static Integer number(String value, String field, String messageKey) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(field, messageKey);
        }
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCategoryCode() { return categoryCode; }
    public void setCategoryCode(String categoryCode) { this.categoryCode = categoryCode; }
    public String getOrgUnitId() { return orgUnitId; }
    public void setOrgUnitId(String orgUnitId) { this.orgUnitId = orgUnitId; }
    public String getKeywords() { return keywords; }
    public void setKeywords(String keywords) { this.keywords = keywords; }
    public String getHandlingUnitId() { return handlingUnitId; }
    public void setHandlingUnitId(String handlingUnitId) { this.handlingUnitId = handlingUnitId; }
    public String getDeadlineWorkingDays() { return deadlineWorkingDays; }
    public void setDeadlineWorkingDays(String deadlineWorkingDays) { this.deadlineWorkingDays = deadlineWorkingDays; }
    public String getPriority() { return priority; }
    public void setPriority(String priority) { this.priority = priority; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
