package cn.jiandu.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiandu.calendar.domain.CalendarRules;
import cn.jiandu.shared.time.ClockConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic on a fixture calendar (autumn 2026 as announced), without the database. */
class CalendarRulesTests {

    private final WorkingCalendar calendar = CalendarRules.of(autumn2026());

    private static Map<LocalDate, DayKind> autumn2026() {
        Map<LocalDate, DayKind> days = new HashMap<>();
        days.put(LocalDate.of(2026, 9, 20), DayKind.WORKDAY); // Sunday worked
        for (int d = 25; d <= 27; d++) {
            days.put(LocalDate.of(2026, 9, d), DayKind.HOLIDAY); // 中秋
        }
        for (int d = 1; d <= 7; d++) {
            days.put(LocalDate.of(2026, 10, d), DayKind.HOLIDAY); // 国庆
        }
        days.put(LocalDate.of(2026, 10, 10), DayKind.WORKDAY); // Saturday worked
        return days;
    }

    @Test
    void weekendsAreOffAndWeekdaysWork() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 6))).isTrue(); // Friday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 7))).isFalse(); // Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 8))).isFalse(); // Sunday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 9))).isTrue(); // Monday
    }

    @Test
    void holidayBlockIsOffAndMakeUpWorkdaysCount() {
        for (int d = 1; d <= 7; d++) {
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, d))).as("10-%02d", d).isFalse();
        }
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 8))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("Saturday 调休").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).as("Sunday 调休").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 25))).as("中秋, a Friday").isFalse();
    }

    @Test
    void plusWorkingDaysSkipsTheHolidayAndUsesTheMakeUpSaturday() {
        LocalDate wednesday = LocalDate.of(2026, 9, 30);
        assertThat(calendar.plusWorkingDays(wednesday, 0)).isEqualTo(wednesday);
        assertThat(calendar.plusWorkingDays(wednesday, 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.plusWorkingDays(wednesday, 3)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(calendar.plusWorkingDays(wednesday, 4)).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThatThrownBy(() -> calendar.plusWorkingDays(wednesday, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deadlineAfterIsTheEndOfTheNthWorkingDayInChinaTime() {
        Clock clock = Clock.fixed(OffsetDateTime.parse("2026-09-30T10:00:00+08:00").toInstant(), ClockConfig.ZONE);
        Instant due = calendar.deadlineAfter(clock.instant(), 3);
        assertThat(due).isEqualTo(ZonedDateTime.parse("2026-10-10T23:59:59.999+08:00[Asia/Shanghai]").toInstant());

        // a Friday report with 3 working days is due at the end of the next Wednesday
        Instant friday = OffsetDateTime.parse("2026-11-06T16:30:00+08:00").toInstant();
        assertThat(calendar.deadlineAfter(friday, 3))
                .isEqualTo(OffsetDateTime.parse("2026-11-11T23:59:59.999+08:00").toInstant());

        // 17:00 UTC on 30 September is already 1 October in China: the count starts from the holiday
        Instant lateUtc = Instant.parse("2026-09-30T17:00:00Z");
        assertThat(calendar.deadlineAfter(lateUtc, 1))
                .isEqualTo(OffsetDateTime.parse("2026-10-08T23:59:59.999+08:00").toInstant());
    }

    @Test
    void workingDaysBetweenIsHalfOpen() {
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 10))).isEqualTo(3);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 29), LocalDate.of(2026, 9, 30))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 30))).isZero();
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 10, 10), LocalDate.of(2026, 9, 30))).isZero();
    }

    @Test
    void longCountsAgreeWithCountingBack() {
        LocalDate from = LocalDate.of(2026, 8, 14);
        for (int n : new int[] {1, 5, 17, 40, 100, 260}) {
            LocalDate to = calendar.plusWorkingDays(from, n);
            assertThat(calendar.workingDaysBetween(from, to)).as("n=%d", n).isEqualTo(n);
            assertThat(calendar.isWorkingDay(to)).isTrue();
        }
    }

    @Test
    void minusWorkingDaysSkipsTheHolidayBackwards() {
        LocalDate monday = LocalDate.of(2026, 10, 12);
        assertThat(calendar.minusWorkingDays(monday, 0)).isEqualTo(monday);
        assertThat(calendar.minusWorkingDays(monday, 1)).as("the make-up Saturday").isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(calendar.minusWorkingDays(monday, 3)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.minusWorkingDays(monday, 4)).as("over 国庆 and 中秋").isEqualTo(LocalDate.of(2026, 9, 30));
        assertThatThrownBy(() -> calendar.minusWorkingDays(monday, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void minusIsTheInverseOfPlusOnWorkingDays() {
        for (LocalDate d = LocalDate.of(2026, 8, 1); d.isBefore(LocalDate.of(2026, 12, 1)); d = d.plusDays(1)) {
            if (!calendar.isWorkingDay(d)) {
                continue;
            }
            for (int n : new int[] {1, 3, 10, 45}) {
                assertThat(calendar.minusWorkingDays(calendar.plusWorkingDays(d, n), n)).as("%s n=%d", d, n)
                        .isEqualTo(d);
            }
        }
    }

    @Test
    void aroundAnswersLikeTheFullCalendarInsideAndOutsideItsWindow() {
        int[] reads = {0};
        CalendarRules counting = new CalendarRules() {
            @Override
            protected Map<LocalDate, DayKind> specialDays(LocalDate from, LocalDate to) {
                reads[0]++;
                return autumn2026();
            }
        };
        WorkingCalendar window = counting.around(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 30));
        assertThat(reads[0]).isEqualTo(1);
        assertThat(window.plusWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(window.minusWorkingDays(LocalDate.of(2026, 10, 12), 4)).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(reads[0]).as("questions inside the window read nothing more").isEqualTo(1);
        assertThat(window.plusWorkingDays(LocalDate.of(2026, 11, 20), 30))
                .isEqualTo(calendar.plusWorkingDays(LocalDate.of(2026, 11, 20), 30));
        assertThat(reads[0]).as("a question reaching outside reads the full calendar").isGreaterThan(1);
    }
}
