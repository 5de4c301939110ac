package cn.jiandu.shared.seed;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Runs every module's {@link SeedStep} once at start, in the {@link SeedPlan}'s order. The plan is checked when
 * the context is built, so a bad step name stops the start before anything is written.
 */
@Component
class SeedRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedRunner.class);
    private final SeedPlan plan;

    SeedRunner(List<SeedStep> steps) {
        this.plan = new SeedPlan(steps);
    }

    @Override
    public void run(ApplicationArguments args) {
        for (SeedStep step : plan.steps()) {
            long started = System.nanoTime();
            step.run();
            log.debug("seed step {} took {} ms", step.name(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    SeedPlan plan() {
        return plan;
    }
}
