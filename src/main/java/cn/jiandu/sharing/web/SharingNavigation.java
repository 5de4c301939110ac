package cn.jiandu.sharing.web;

import cn.jiandu.shared.web.NavEntry;
import cn.jiandu.sharing.domain.SpaceRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharingNavigation {

    /** Supervisors (members by role), the admin and leaders, and anyone the admin added to a space. */
    @Bean
    NavEntry sharingNav(SpaceRepository spaces) {
        return new NavEntry(200, "nav.sharing", "/sharing", "📁",
                me -> me.roles().stream().anyMatch(r -> r.isSupervisor() || r.seesEverything())
                        || !spaces.caller(me).memberOf().isEmpty());
    }
}
