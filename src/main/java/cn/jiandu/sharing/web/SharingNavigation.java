package cn.jiandu.sharing.web;

import cn.jiandu.shared.web.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharingNavigation {

    /** Supervisors (members by role), the admin and leaders; explicit members reach it from the home page link. */
    @Bean
    NavEntry sharingNav() {
        return new NavEntry(200, "nav.sharing", "/sharing", "📁",
                me -> me.roles().stream().anyMatch(r -> r.isSupervisor() || r.seesEverything()));
    }
}
