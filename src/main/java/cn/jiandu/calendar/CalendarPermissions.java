package cn.jiandu.calendar;

import cn.jiandu.shared.security.Permission;
import cn.jiandu.shared.security.PermissionGrants;
import cn.jiandu.shared.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The calendar module's permission codes and who holds them. */
@Configuration(proxyBeanMethods = false)
public class CalendarPermissions {

    public static final Permission CALENDAR_MANAGE = Permission.of("calendar:manage");

    @Bean
    PermissionGrants calendarPermissionGrants() {
        return PermissionGrants.module("calendar").grant(CALENDAR_MANAGE, Role.ADMIN).build();
    }
}
