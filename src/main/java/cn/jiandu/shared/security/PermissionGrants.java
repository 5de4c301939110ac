package cn.jiandu.shared.security;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one module contributes to the permission model: the codes it declares and the roles each is granted to.
 * Declare one as a bean in the module (like a {@code NavEntry}); {@link RolePermissions} assembles all of them at
 * start and refuses to start on a code declared twice (in one module or across modules).
 *
 * <pre>{@code
 * @Bean
 * PermissionGrants examPermissions() {
 *     return PermissionGrants.module("exam")
 *             .grant(ExamPermissions.MANAGE, Role.ADMIN)
 *             .grant(ExamPermissions.TAKE, Role.BRANCH_INSPECTOR, Role.TEAM_SUPERVISOR, Role.GRID_SUPERVISOR)
 *             .build();
 * }
 * }</pre>
 *
 * @param module the contributing module (named in the start-up error when two modules declare one code)
 * @param grants each declared permission with the roles that hold it (possibly none: a code only ADMIN-like
 *               configuration may grant later still has to be declared)
 */
public record PermissionGrants(String module, Map<Permission, Set<Role>> grants) {

    public PermissionGrants {
        grants = Map.copyOf(grants);
    }

    public static Builder module(String module) {
        return new Builder(module);
    }

    /** Builds a module's grants; declaring one permission twice in a module is refused at once. */
    public static final class Builder {

        private final String module;
        private final Map<Permission, Set<Role>> grants = new LinkedHashMap<>();

        private Builder(String module) {
            this.module = module;
        }

        public Builder grant(Permission permission, Role... roles) {
            if (grants.containsKey(permission)) {
                throw new IllegalStateException("permission " + permission + " declared twice by module " + module);
            }
            Set<Role> to = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles));
            grants.put(permission, to);
            return this;
        }

        public PermissionGrants build() {
            return new PermissionGrants(module, new LinkedHashMap<>(grants));
        }
    }
}
