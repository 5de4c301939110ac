package cn.jiandu.ledger.domain;

import cn.jiandu.shared.seed.SeedStep;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

@Configuration(proxyBeanMethods = false)
class LedgerDemoData {

    /**
     * Demo: the ledger of the demo supervisors for the past four quarters and this one, built the way the nightly
     * rebuild builds it — from the demo appointments and the demo reports, never typed in.
     */
    @Bean
    @Profile("demo")
    SeedStep ledgerDemo(LedgerRebuild rebuild, Clock clock) {
        return SeedStep.of("ledger.demo", Set.of("selection.demo", "selection.import-role-holders", "problem.demo"),
                () -> {
                    LocalDate today = LocalDate.now(clock);
                    rebuild.rebuild(today.minusMonths(15).withDayOfMonth(1), today);
                });
    }
}
