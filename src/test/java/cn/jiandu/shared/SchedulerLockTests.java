package cn.jiandu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.IntegrationTest;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Scheduled jobs run once per cluster: every job is locked, and the lock really excludes a second taker. */
@IntegrationTest
class SchedulerLockTests {

    @Autowired
    LockProvider locks;

    @Test
    void everyScheduledJobCarriesASchedulerLock() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        List<String> scheduled = new ArrayList<>();
        List<String> unlocked = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("cn.jiandu")) {
            for (Method m : Class.forName(candidate.getBeanClassName()).getDeclaredMethods()) {
                if (m.isAnnotationPresent(Scheduled.class)) {
                    scheduled.add(m.toString());
                    if (!m.isAnnotationPresent(SchedulerLock.class) || m.getReturnType() != void.class) {
                        unlocked.add(m.toString());
                    }
                }
            }
        }
        assertThat(scheduled).hasSizeGreaterThanOrEqualTo(5);
        assertThat(unlocked).as("@Scheduled methods without @SchedulerLock (or not void)").isEmpty();
    }

    @Test
    void aSecondNodeCannotTakeAHeldLock() {
        String name = "test-lock-" + System.nanoTime();
        LockConfiguration config = new LockConfiguration(Instant.now(), name, Duration.ofMinutes(5), Duration.ZERO);
        Optional<SimpleLock> first = locks.lock(config);
        assertThat(first).isPresent();
        assertThat(locks.lock(config)).as("second taker while held").isEmpty();
        first.get().unlock();
        Optional<SimpleLock> again = locks.lock(config);
        assertThat(again).as("free again after unlock").isPresent();
        again.get().unlock();
    }
}
