package cn.jiandu.assessment.domain;

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
}
