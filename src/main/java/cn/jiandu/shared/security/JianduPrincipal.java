package cn.jiandu.shared.security;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is calling: the signed-in user as every module sees him. Serializable because the session store keeps it.
 *
 * @param permissions the permission codes his roles hold ({@link RolePermissions#codesOf(Set)}), fixed when the
 *                    principal is made so that a check needs no lookup
 */
public record JianduPrincipal(long id, String username, String displayName, long orgUnitId, Set<Role> roles,
        boolean mustChangePassword, Set<String> permissions) implements Serializable {

    public JianduPrincipal {
        roles = Set.copyOf(roles);
        // a session written before permissions were part of the principal reads back null here; the session guard
        // replaces such a principal with a fresh one on the next request
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission.code());
    }

    /** Data scope "everything" (ADMIN, LEADER). */
    public boolean seesEverything() {
        return roles.stream().anyMatch(Role::seesEverything);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** Whether he holds any of the three supervisor roles. */
    public boolean isSupervisor() {
        return roles.stream().anyMatch(Role::isSupervisor);
    }
}
