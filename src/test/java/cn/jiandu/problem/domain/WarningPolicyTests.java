package cn.jiandu.problem.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.calendar.DayKind;
import cn.jiandu.calendar.domain.CalendarRules;
import cn.jiandu.problem.ProblemProperties;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.shared.time.ClockConfig;
import cn.jiandu.problem.Warning;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
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

    /**
     * The blue boundary by its definition: a report dispatched on day d is blue from the first day after its N
     * working days of acceptance window, i.e. dispatched before the boundary iff plusWorkingDays(d, N) < today.
     * Checked for every day of autumn 2026 (国庆, 调休) and several N.
     */
    @Test
    void blueBoundaryMatchesTheDefinitionAroundHolidays() {
        Map<LocalDate, DayKind> days = new HashMap<>();
        for (int d = 1; d <= 7; d++) {
            days.put(LocalDate.of(2026, 10, d), DayKind.HOLIDAY);
        }
        days.put(LocalDate.of(2026, 10, 10), DayKind.WORKDAY);
        CalendarRules calendar = CalendarRules.of(days);
        for (int n : new int[] {0, 1, 3, 5}) {
            ProblemProperties props = new ProblemProperties(false, 5, 9, 10_485_760, n, 1, 1, 2, 2, 7);
            for (LocalDate today = LocalDate.of(2026, 9, 20); today.isBefore(LocalDate.of(2026, 10, 25));
                    today = today.plusDays(1)) {
                Instant now = today.atTime(10, 0).atZone(ClockConfig.ZONE).toInstant();
                WarningPolicy.Boundaries b = new WarningPolicy(calendar, props, Clock.systemUTC()).at(now);
                for (LocalDate d = today.minusDays(25); !d.isAfter(today); d = d.plusDays(1)) {
                    Instant dispatched = d.atTime(9, 0).atZone(ClockConfig.ZONE).toInstant();
                    boolean expired = calendar.plusWorkingDays(d, n).isBefore(today);
                    assertThat(dispatched.isBefore(b.blueDispatched())).as("today %s, dispatched %s, n=%d", today, d, n)
                            .isEqualTo(expired);
                }
                assertThat(b.yellowDue()).isEqualTo(calendar.deadlineAfter(now, 1));
            }
        }
    }
}
