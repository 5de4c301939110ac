package cn.jiandu.selection.web;

import cn.jiandu.selection.SelectionPermissions;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.web.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SelectionNavigation {

    @Bean
    NavEntry nominationQueueNav() {
        return new NavEntry(290, "nav.selection.nominations", "/nominations", "🗳",
                me -> me.can(SelectionPermissions.NOMINATE) || me.can(SelectionPermissions.NOMINATION_READ_ALL)
                        || me.has(Role.REVIEWER) || me.has(Role.LEADER));
    }

    @Bean
    NavEntry appointmentRegisterNav() {
        return new NavEntry(300, "nav.selection.register", "/appointments", "🎖",
                me -> me.can(SelectionPermissions.REGISTER_READ_ALL)
                        || me.can(SelectionPermissions.REGISTER_READ_SUBTREE) || me.isSupervisor());
    }

    @Bean
    NavEntry appointmentCoverageNav() {
        return new NavEntry(310, "nav.selection.coverage", "/appointments/coverage", "🗺",
                me -> me.can(SelectionPermissions.REGISTER_READ_ALL)
                        || me.can(SelectionPermissions.REGISTER_READ_SUBTREE));
    }
}
