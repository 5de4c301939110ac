package cn.jiandu.org.web;

import cn.jiandu.org.OrgPermissions;
import cn.jiandu.shared.web.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrgNavigation {

    @Bean
    NavEntry orgNav() {
        return new NavEntry(800, "nav.org", "/org", "🏢", me -> me.can(OrgPermissions.ORG_MANAGE));
    }
}
