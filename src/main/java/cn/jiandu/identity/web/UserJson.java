package cn.jiandu.identity.web;

import cn.jiandu.identity.domain.User;
import cn.jiandu.shared.security.Role;
import java.util.List;

record UserJson(String id, String username, String displayName, String orgUnitId, String mobile, List<Role> roles,
        boolean enabled, boolean mustChangePassword) {

    static UserJson of(User u) {
        return new UserJson(String.valueOf(u.id()), u.username(), u.displayName(), String.valueOf(u.orgUnitId()),
                u.mobile(), u.roles().stream().sorted().toList(), u.enabled(), u.mustChangePassword());
    }
}
