package cn.jiandu.problem.web;

import cn.jiandu.problem.ProblemPermissions;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.web.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProblemNavigation {

    @Bean
    NavEntry problemReportNav() {
        return new NavEntry(100, "nav.problem.report", "/problems/new", "📷", me -> me.can(ProblemPermissions.REPORT));
    }

    @Bean
    NavEntry problemMineNav() {
        return new NavEntry(110, "nav.problem.mine", "/problems/mine", "📝", me -> me.can(ProblemPermissions.REPORT));
    }

    @Bean
    NavEntry problemQueueNav() {
        return new NavEntry(120, "nav.problem.queue", "/problems/queue", "🛠", me -> me.has(Role.HANDLER));
    }

    @Bean
    NavEntry problemDispatchNav() {
        return new NavEntry(130, "nav.problem.dispatch", "/problems/dispatch", "📮",
                me -> me.can(ProblemPermissions.DISPATCH));
    }

    @Bean
    NavEntry problemLedgerNav() {
        return new NavEntry(140, "nav.problem.ledger", "/problems/ledger", "📒",
                me -> me.seesEverything() || me.has(Role.BRANCH_SECRETARY));
    }

    @Bean
    NavEntry problemDashboardNav() {
        return new NavEntry(150, "nav.problem.dashboard", "/problems/dashboard", "📊",
                me -> me.can(ProblemPermissions.DASHBOARD_READ));
    }
}
