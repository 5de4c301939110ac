package cn.jiandu.identity.web;

import cn.jiandu.identity.domain.User;
import cn.jiandu.identity.domain.UserCommand;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.web.ApiException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The create/edit form of the user page; kept as typed so a refused form comes back as the admin left it. */
public class UserPageForm {

    private String username;
    private String displayName;
    private String orgUnitId;
    private String mobile;
    private List<String> roles = new ArrayList<>();
    private String password;
    private boolean enabled = true;

    static UserPageForm of(User u) {
        UserPageForm f = new UserPageForm();
        f.username = u.username();
        f.displayName = u.displayName();
        f.orgUnitId = String.valueOf(u.orgUnitId());
        f.mobile = u.mobile();
        f.roles = u.roles().stream().sorted().map(Role::name).toList();
        f.enabled = u.enabled();
        return f;
    }

    UserCommand toCommand() {
        long org;
        try {
            org = Long.parseLong(orgUnitId == null ? "" : orgUnitId.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("orgUnitId", "org.error.unknown");
        }
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        for (String r : roles == null ? List.<String>of() : roles) {
            try {
                parsed.add(Role.valueOf(r));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("roles", "error.invalidValue");
            }
        }
        return new UserCommand(username == null ? null : username.strip(), displayName, org, mobile, parsed, password,
                enabled);
    }

    public boolean hasRole(Role role) {
        return roles != null && roles.contains(role.name());
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getOrgUnitId() { return orgUnitId; }
    public void setOrgUnitId(String orgUnitId) { this.orgUnitId = orgUnitId; }
    public String getMobile() { return mobile; }
    public void setMobile(String mobile) { this.mobile = mobile; }
    public List<String> getRoles() { return roles; }
    public void setRoles(List<String> roles) { this.roles = roles; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
