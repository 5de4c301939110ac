package cn.jiandu.shared.security;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is calling: the signed-in user as every module sees him. Serializable because the session store keeps it.
 */
public record JianduPrincipal(long id, String username, String displayName, long orgUnitId, Set<Role> roles,
        boolean mustChangePassword) implements Serializable {

    public JianduPrincipal {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean can(Permission permission) {
        return roles.stream().anyMatch(r -> r.permissions().contains(permission));
    }

    /** Data scope "everything" (ADMIN, LEADER). */
    public boolean seesEverything() {
        return roles.stream().anyMatch(Role::seesEverything);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }
}
