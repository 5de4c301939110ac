package cn.jiandu.identity.web;

import cn.jiandu.identity.IdentityPermissions;
import cn.jiandu.shared.web.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

    @Bean
    NavEntry usersNav() {
        return new NavEntry(810, "nav.users", "/users", "👥", me -> me.can(IdentityPermissions.USER_MANAGE));
    }

    @Bean
    NavEntry accountNav() {
        return new NavEntry(990, "nav.account", "/account", "⚙️", me -> true);
    }
}
