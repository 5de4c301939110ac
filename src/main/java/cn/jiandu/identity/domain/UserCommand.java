package cn.jiandu.identity.domain;

import cn.jiandu.shared.security.Role;
import java.util.Set;

/** What an admin gives to create or update an account (password only on create). */
public record UserCommand(String username, String displayName, long orgUnitId, String mobile, Set<Role> roles,
        String password, boolean enabled) {
}
