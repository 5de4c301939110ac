package cn.jiandu.audit;

import cn.jiandu.shared.security.Permission;
import cn.jiandu.shared.security.PermissionGrants;
import cn.jiandu.shared.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit module's permission codes and who holds them. */
@Configuration(proxyBeanMethods = false)
public class AuditPermissions {

    public static final Permission AUDIT_READ = Permission.of("audit:read");

    @Bean
    PermissionGrants auditPermissionGrants() {
        return PermissionGrants.module("audit").grant(AUDIT_READ, Role.ADMIN, Role.LEADER).build();
    }
}
