package cn.jiandu.identity.domain;

import cn.jiandu.audit.AuditTargetNames;
import cn.jiandu.identity.UserDirectory;
import java.util.Collection;
import java.util.HashMap;
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
        var numeric = ids.stream().filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf).toList();
        Map<String, String> names = new HashMap<>();
        users.displayNames(numeric).forEach((id, name) -> names.put(String.valueOf(id), name));
        return names;
    }
}
