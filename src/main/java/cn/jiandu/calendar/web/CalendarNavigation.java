package cn.jiandu.calendar.web;

import cn.jiandu.calendar.CalendarPermissions;
import cn.jiandu.shared.web.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarNavigation {

    @Bean
    NavEntry calendarNav() {
        return new NavEntry(820, "nav.calendar", "/calendar", "📅", me -> me.can(CalendarPermissions.CALENDAR_MANAGE));
    }
}
