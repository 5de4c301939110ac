package cn.jiandu.problem.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.Warning;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WarningPolicyTests {

    static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    static final WarningPolicy.Boundaries B = new WarningPolicy.Boundaries(NOW, NOW.plus(Duration.ofDays(1)),
            NOW.minus(Duration.ofDays(4)), 1, 2, 2);

    @Test
    void colours() {
        Instant later = NOW.plus(Duration.ofDays(5));
        Instant recent = NOW.minus(Duration.ofHours(1));
        assertThat(B.of(ProblemStatus.IN_PROGRESS, later, recent, 0, 0, 0)).isEqualTo(Warning.NONE);
        assertThat(B.of(ProblemStatus.IN_PROGRESS, NOW.minusSeconds(1), recent, 0, 0, 0)).isEqualTo(Warning.RED);
        assertThat(B.of(ProblemStatus.IN_PROGRESS, later, recent, 0, 3, 0)).isEqualTo(Warning.RED);
        assertThat(B.of(ProblemStatus.IN_PROGRESS, later, recent, 2, 0, 2)).isEqualTo(Warning.RED);
        assertThat(B.of(ProblemStatus.IN_PROGRESS, NOW.plus(Duration.ofHours(20)), recent, 0, 0, 0))
                .isEqualTo(Warning.YELLOW);
        assertThat(B.of(ProblemStatus.IN_PROGRESS, later, recent, 1, 0, 1)).isEqualTo(Warning.YELLOW);
        assertThat(B.of(ProblemStatus.DISPATCHED, later, NOW.minus(Duration.ofDays(5)), 0, 0, 0))
                .isEqualTo(Warning.BLUE);
        assertThat(B.of(ProblemStatus.IN_PROGRESS, later, NOW.minus(Duration.ofDays(5)), 0, 0, 0))
                .isEqualTo(Warning.NONE);
        assertThat(B.of(ProblemStatus.CLOSED, NOW.minus(Duration.ofDays(5)), recent, 0, 9, 9))
                .isEqualTo(Warning.NONE);
    }
}
