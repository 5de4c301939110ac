package cn.jiandu.identity.domain;

import cn.jiandu.audit.AuditTargetNames;
import cn.jiandu.identity.UserDirectory;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Accounts in the audit log by display name (the log keeps the username as it was at the time as well). */
@Component
class UserAuditNames implements AuditTargetNames {

    private final UserDirectory users;

    UserAuditNames(UserDirectory users) {
        this.users = users;
    }

    @Override
    public String targetType() {
        return "user";
    }

    @Override
    public Map<String, String> namesOf(Collection<String> ids) {
        return AuditTargetNames.byText(users.displayNames(AuditTargetNames.numeric(ids)));
    }
}
