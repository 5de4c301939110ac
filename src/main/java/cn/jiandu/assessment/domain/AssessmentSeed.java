package cn.jiandu.assessment.domain;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.ledger.LedgerPeriod;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.seed.SeedStep;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

@Configuration(proxyBeanMethods = false)
class AssessmentSeed {

    /** Demo: the three types' schemes for this year and last year (last year's published run is computed with it). */
    @Bean
    @Profile("demo")
    SeedStep assessmentDemoSchemes(SchemeService schemes, Clock clock) {
        return SeedStep.of("assessment.demo-schemes", Set.of("identity.demo-people"), () -> {
            int year = LocalDate.now(clock).getYear();
            for (int y : List.of(year - 1, year)) {
                for (Role t : List.of(Role.BRANCH_INSPECTOR, Role.TEAM_SUPERVISOR, Role.GRID_SUPERVISOR)) {
                    schemes.ensure(StandardSchemes.of(t, y));
                }
            }
        });
    }

    /**
     * Demo: last quarter's 季通报, drafted from the demo ledger and training data and published by the office (so it is
     * in every space's 工作亮点 and in the supervisors' inboxes), as the office would do it in the first days of a
     * quarter.
     */
    @Bean
    @Profile("demo")
    SeedStep assessmentDemoBulletin(Bulletins bulletins, BulletinRepository repo, UserDirectory users, Clock clock) {
        return SeedStep.of("assessment.demo-bulletin", Set.of("ledger.demo", "training.demo", "training.cases-demo",
                "sharing.spaces"), () -> {
                    LedgerPeriod current = LedgerPeriod.holding(LocalDate.now(clock), LedgerPeriod.Granularity.QUARTER);
                    String last = LedgerPeriod.holding(current.from().minusDays(1), LedgerPeriod.Granularity.QUARTER)
                            .code();
                    if (repo.list(true).stream().anyMatch(b -> b.quarter().equals(last))) {
                        return;
                    }
                    JianduPrincipal admin = users.findByUsername("admin").flatMap(u -> users.principal(u.id()))
                            .orElseThrow();
                    bulletins.publish(bulletins.draft(last, admin).id(), admin);
                });
    }
}
