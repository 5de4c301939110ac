package cn.jiandu.org;

import cn.jiandu.shared.security.Permission;
import cn.jiandu.shared.security.PermissionGrants;
import cn.jiandu.shared.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The org module's permission codes and who holds them. */
@Configuration(proxyBeanMethods = false)
public class OrgPermissions {

    public static final Permission ORG_MANAGE = Permission.of("org:manage");

    @Bean
    PermissionGrants orgPermissionGrants() {
        return PermissionGrants.module("org").grant(ORG_MANAGE, Role.ADMIN).build();
    }
}
