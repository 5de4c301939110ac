package cn.jiandu.identity;

import cn.jiandu.shared.security.Permission;
import cn.jiandu.shared.security.PermissionGrants;
import cn.jiandu.shared.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The identity module's permission codes and who holds them. */
@Configuration(proxyBeanMethods = false)
public class IdentityPermissions {

    public static final Permission USER_MANAGE = Permission.of("user:manage");
    public static final Permission METRICS_READ = Permission.of("metrics:read");

    @Bean
    PermissionGrants identityPermissionGrants() {
        return PermissionGrants.module("identity")
                .grant(USER_MANAGE, Role.ADMIN)
                .grant(METRICS_READ, Role.ADMIN)
                .build();
    }
}
