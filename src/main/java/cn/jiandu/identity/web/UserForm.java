package cn.jiandu.identity.web;

import cn.jiandu.identity.domain.UserCommand;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.web.ApiException;
import java.util.Set;

/** JSON body of {@code POST/PUT /api/v1/users}; ids are strings as everywhere in the API. */
record UserForm(String username, String displayName, String orgUnitId, String mobile, Set<Role> roles,
        String password, Boolean enabled) {

    UserCommand toCommand() {
        long org;
        try {
            org = Long.parseLong(orgUnitId == null ? "" : orgUnitId.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("orgUnitId", "org.error.unknown");
        }
        return new UserCommand(username == null ? null : username.strip(), displayName, org, mobile,
                roles == null ? Set.of() : roles, password, enabled == null || enabled);
    }
}
