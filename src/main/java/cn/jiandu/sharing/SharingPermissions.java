package cn.jiandu.sharing;

import cn.jiandu.shared.security.Permission;
import cn.jiandu.shared.security.PermissionGrants;
import cn.jiandu.shared.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sharing module's permission codes and who holds them. */
@Configuration(proxyBeanMethods = false)
public class SharingPermissions {

    public static final Permission SHARING_MANAGE = Permission.of("sharing:manage");

    @Bean
    PermissionGrants sharingPermissionGrants() {
        return PermissionGrants.module("sharing").grant(SHARING_MANAGE, Role.ADMIN).build();
    }
}
