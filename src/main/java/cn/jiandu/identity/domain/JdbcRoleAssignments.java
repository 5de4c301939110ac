package cn.jiandu.identity.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.identity.RoleAssignments;
import cn.jiandu.shared.Refusal;
import java.util.List;
import cn.jiandu.shared.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcRoleAssignments implements RoleAssignments {

    private final UserRepository users;
    private final AuditTrail audit;

    JdbcRoleAssignments(UserRepository users, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
    }

    @Override
    @Transactional
    public boolean grant(long userId, Role role, String reason) {
        boolean changed = users.addRole(userId, role);
        if (changed) {
            audit.record("user.grantRole", "user", userId, Outcome.SUCCESS, role + " " + reason);
        }
        return changed;
    }

    @Override
    @Transactional
    public boolean revoke(long userId, Role role, String reason) {
        if (role == Role.ADMIN) {
            List<Long> admins = users.lockEnabledAdmins();
            if (admins.size() <= 1 && admins.contains(userId)) {
                throw Refusal.conflict("user.error.lastAdmin");
            }
        }
        boolean changed = users.removeRole(userId, role);
        if (changed) {
            audit.record("user.revokeRole", "user", userId, Outcome.SUCCESS, role + " " + reason);
        }
        return changed;
    }
}
