package cn.jiandu.notification.web;

import cn.jiandu.shared.web.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationNavigation {

    @Bean
    NavEntry inboxNav() {
        return new NavEntry(900, "nav.inbox", "/inbox", "🔔", me -> true);
    }
}
