package cn.jiandu.org;

/** 公司, 县分公司, 部门, 党支部, 班组, 网格. */
public enum OrgUnitType {
    COMPANY, COUNTY_BRANCH, DEPARTMENT, PARTY_BRANCH, TEAM, GRID;

    public String messageKey() {
        return "org.type." + name();
    }
}
