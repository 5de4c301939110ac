package cn.jiandu.identity.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.Role;
import java.util.EnumSet;
import java.util.Set;

/** A user account. Password changes and disabling go through methods that keep the flags consistent. */
public class User {

    private final Long id;
    private final String username;
    private String displayName;
    private long orgUnitId;
    private String mobile;
    private String passwordHash;
    private Set<Role> roles;
    private boolean enabled;
    private boolean mustChangePassword;

    public User(Long id, String username, String displayName, long orgUnitId, String mobile, String passwordHash,
            Set<Role> roles, boolean enabled, boolean mustChangePassword) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.orgUnitId = orgUnitId;
        this.mobile = mobile;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.enabled = enabled;
        this.mustChangePassword = mustChangePassword;
    }

    public void updateProfile(String displayName, long orgUnitId, String mobile, Set<Role> roles) {
        if (roles.isEmpty()) {
            throw Refusal.invalidField("roles", "user.error.rolesRequired");
        }
        this.displayName = displayName.strip();
        this.orgUnitId = orgUnitId;
        this.mobile = mobile;
        this.roles = EnumSet.copyOf(roles);
    }

    /** An admin reset: a one-time password that must be changed at next login. */
    public void resetPassword(String oneTimeHash) {
        this.passwordHash = oneTimeHash;
        this.mustChangePassword = true;
    }

    /** The user's own change; clears the one-time flag. */
    public void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.mustChangePassword = false;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Long id() { return id; }
    public String username() { return username; }
    public String displayName() { return displayName; }
    public long orgUnitId() { return orgUnitId; }
    public String mobile() { return mobile; }
    public String passwordHash() { return passwordHash; }
    public Set<Role> roles() { return Set.copyOf(roles); }
    public boolean enabled() { return enabled; }
    public boolean mustChangePassword() { return mustChangePassword; }
}
