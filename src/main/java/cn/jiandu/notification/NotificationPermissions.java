package cn.jiandu.notification;

import cn.jiandu.shared.security.Permission;
import cn.jiandu.shared.security.PermissionGrants;
import cn.jiandu.shared.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notification module's codes: the admin watches (and retries) outgoing messages. */
@Configuration(proxyBeanMethods = false)
public class NotificationPermissions {

    public static final Permission OUTBOX = Permission.of("notification:outbox");

    @Bean
    PermissionGrants notificationPermissionGrants() {
        return PermissionGrants.module("notification").grant(OUTBOX, Role.ADMIN).build();
    }
}
