package cn.jiandu.assessment.web;

import cn.jiandu.assessment.AssessmentPermissions;
import cn.jiandu.shared.web.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AssessmentNavigation {

    /** Everyone assessed, the office, leaders and branch secretaries. */
    @Bean
    NavEntry assessmentNav() {
        return new NavEntry(400, "nav.assessment", "/assessment/runs", "📊",
                me -> me.can(AssessmentPermissions.SCHEME_READ));
    }

    /** 约谈: the discipline secretary and the office; a supervisor reaches his own from the runs page. */
    @Bean
    NavEntry admonitionNav() {
        return new NavEntry(410, "assessment.admonitions", "/assessment/admonitions", "🗣",
                me -> me.can(AssessmentPermissions.ADMONITION));
    }
}
