package cn.jiandu.shared.security;

/**
 * The roles of product.md. A closed set in code; what each role may do is assembled from the modules'
 * {@link PermissionGrants} by {@link RolePermissions}, so a new module grants its permissions without editing this
 * file.
 */
public enum Role {
    ADMIN, LEADER, BRANCH_SECRETARY, REVIEWER, HANDLER, BRANCH_INSPECTOR, TEAM_SUPERVISOR, GRID_SUPERVISOR, EMPLOYEE;

    /** The three supervisor types of the source (支部纪检委员, 班组监督员, 网格监督员). */
    public boolean isSupervisor() {
        return this == BRANCH_INSPECTOR || this == TEAM_SUPERVISOR || this == GRID_SUPERVISOR;
    }

    /** ADMIN and LEADER see everything (docs/security.md). */
    public boolean seesEverything() {
        return this == ADMIN || this == LEADER;
    }

    public String messageKey() {
        return "role." + name();
    }

    /** A role named in configuration or demo data; an unknown name fails at once, naming it. */
    public static Role named(String name) {
        try {
            return valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role " + name + " (roles: "
                    + java.util.Arrays.toString(values()) + ")", e);
        }
    }
}
