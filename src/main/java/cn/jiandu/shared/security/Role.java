package cn.jiandu.shared.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of product.md with their permission codes. Kept in code, not in the database: a permission is
 * a promise the code keeps, so adding one is a code change anyway.
 */
public enum Role {
    ADMIN(Set.of(Permission.values())),
    LEADER(EnumSet.of(Permission.AUDIT_READ, Permission.PROBLEM_READ_ALL, Permission.PROBLEM_REVEAL_REPORTER,
            Permission.DASHBOARD_READ, Permission.PROBLEM_REPORT)),
    BRANCH_SECRETARY(EnumSet.of(Permission.PROBLEM_REPORT, Permission.DASHBOARD_READ)),
    REVIEWER(EnumSet.of(Permission.PROBLEM_REPORT)),
    HANDLER(EnumSet.of(Permission.PROBLEM_REPORT, Permission.PROBLEM_HANDLE)),
    BRANCH_INSPECTOR(EnumSet.of(Permission.PROBLEM_REPORT)),
    TEAM_SUPERVISOR(EnumSet.of(Permission.PROBLEM_REPORT)),
    GRID_SUPERVISOR(EnumSet.of(Permission.PROBLEM_REPORT)),
    EMPLOYEE(EnumSet.of(Permission.PROBLEM_REPORT));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

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
}
