package cn.jiandu.audit.web;

import cn.jiandu.audit.AuditPermissions;
import cn.jiandu.shared.web.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    NavEntry auditNav() {
        return new NavEntry(820, "nav.audit", "/audit", "📜", me -> me.can(AuditPermissions.AUDIT_READ));
    }
}
