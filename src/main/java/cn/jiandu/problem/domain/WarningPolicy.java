package cn.jiandu.problem.domain;

import cn.jiandu.calendar.WorkingCalendar;
import cn.jiandu.problem.ProblemProperties;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.Warning;
import cn.jiandu.shared.time.ClockConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 三色预警 from timers. The working-day thresholds are turned into instants once per request (one calendar read), so the same rule
 * computes a row's colour in Java and filters by colour in SQL.
 */
@Component
public class WarningPolicy {

    private static final String OPEN = "p.status IN ('DISPATCHED', 'IN_PROGRESS')";
    private static final String RED = "((p.due_at IS NOT NULL AND p.due_at < :wNow) OR p.extension_requests > :wRedExt"
            + " OR p.dissatisfied_count >= :wRedDis)";
    private static final String YELLOW = "((p.due_at IS NOT NULL AND p.due_at <= :wYellow)"
            + " OR p.reopen_count >= :wYellowReopens)";
    private static final String BLUE = "(p.status = 'DISPATCHED' AND p.dispatched_at < :wBlue)";

    private final WorkingCalendar calendar;
    private final ProblemProperties props;
    private final Clock clock;

    WarningPolicy(WorkingCalendar calendar, ProblemProperties props, Clock clock) {
        this.calendar = calendar;
        this.props = props;
        this.clock = clock;
    }

    /** The thresholds as instants: due at or before {@code yellowDue} is yellow; dispatched before {@code blue}. */
    public record Boundaries(Instant now, Instant yellowDue, Instant blueDispatched, int yellowReopens,
            int redExtensions, int redDissatisfied) {

        public Warning of(ProblemStatus status, Instant dueAt, Instant dispatchedAt, int reopens, int extensions,
                int dissatisfied) {
            if (!status.isOpenAtUnit()) {
                return Warning.NONE;
            }
            if ((dueAt != null && dueAt.isBefore(now)) || extensions > redExtensions
                    || dissatisfied >= redDissatisfied) {
                return Warning.RED;
            }
            if ((dueAt != null && !dueAt.isAfter(yellowDue)) || reopens >= yellowReopens) {
                return Warning.YELLOW;
            }
            if (status == ProblemStatus.DISPATCHED && dispatchedAt != null && dispatchedAt.isBefore(blueDispatched)) {
                return Warning.BLUE;
            }
            return Warning.NONE;
        }

        public Warning of(Problem p) {
            return of(p.status(), p.dueAt(), p.dispatchedAt(), p.reopenCount(), p.extensionRequests(),
                    p.dissatisfiedCount());
        }

        /** The SQL condition (on alias {@code p}) for one colour, and its parameters. */
        public String sql(Warning w) {
            return switch (w) {
                case RED -> "(" + OPEN + " AND " + RED + ")";
                case YELLOW -> "(" + OPEN + " AND NOT " + RED + " AND " + YELLOW + ")";
                case BLUE -> "(" + OPEN + " AND NOT " + RED + " AND NOT " + YELLOW + " AND " + BLUE + ")";
                case NONE -> "(NOT " + OPEN + " OR NOT (" + RED + " OR " + YELLOW + " OR " + BLUE + "))";
            };
        }

        public Map<String, Object> params() {
            return Map.of("wNow", ProblemRepository.ts(now), "wYellow", ProblemRepository.ts(yellowDue),
                    "wBlue", ProblemRepository.ts(blueDispatched), "wYellowReopens", yellowReopens,
                    "wRedExt", redExtensions, "wRedDis", redDissatisfied);
        }
    }

    public Boundaries now() {
        return at(clock.instant());
    }

    public Boundaries at(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ClockConfig.ZONE);
        // one read of the calendar for both thresholds (this runs on every list request)
        WorkingCalendar cal = calendar.around(today.minusDays(62), today.plusDays(62));
        Instant yellow = cal.deadlineAfter(now, props.yellowWithinWorkingDays());
        // dispatched on or before the day before the N-th working day back from today: its acceptance window of
        // N working days ended before today
        Instant blue = cal.minusWorkingDays(today, props.blueAfterWorkingDays()).atStartOfDay(ClockConfig.ZONE)
                .toInstant();
        return new Boundaries(now, yellow, blue, props.yellowReopens(), props.redExtensionRequests(),
                props.redDissatisfied());
    }
}
