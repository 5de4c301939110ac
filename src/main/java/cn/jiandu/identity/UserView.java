package cn.jiandu.identity;

import cn.jiandu.shared.security.Role;
import java.util.Set;

/** A user as other modules see him (never the password hash). */
public record UserView(long id, String username, String displayName, long orgUnitId, String mobile, Set<Role> roles,
        boolean enabled) {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
