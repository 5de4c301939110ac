package cn.jiandu.calendar.domain;

import cn.jiandu.calendar.DayKind;
import cn.jiandu.calendar.WorkingCalendar;
import cn.jiandu.shared.time.ClockConfig;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The arithmetic of working days, independent of where the special days come from: a date is a working day if it
 * is a make-up workday, or a Monday–Friday that is not a holiday. Subclasses answer only "which special days lie in
 * this range", so a long count costs a few range reads, not one per day.
 */
public abstract class CalendarRules implements WorkingCalendar {

    /** The special days in [{@code from}, {@code to}], both inclusive. */
    protected abstract Map<LocalDate, DayKind> specialDays(LocalDate from, LocalDate to);

    /** A calendar over a fixed set of special days (fixtures, tests). */
    public static CalendarRules of(Map<LocalDate, DayKind> days) {
        Map<LocalDate, DayKind> copy = Map.copyOf(days);
        return new CalendarRules() {
            @Override
            protected Map<LocalDate, DayKind> specialDays(LocalDate from, LocalDate to) {
                return copy;
            }
        };
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return isWorking(date, specialDays(date, date));
    }

    @Override
    public LocalDate plusWorkingDays(LocalDate from, int days) {
        return countWorkingDays(from, days, 1);
    }

    @Override
    public LocalDate minusWorkingDays(LocalDate from, int days) {
        return countWorkingDays(from, days, -1);
    }

    /** The {@code days}-th working day after ({@code direction} 1) or before (-1) {@code from}. */
    private LocalDate countWorkingDays(LocalDate from, int days, int direction) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be >= 0: " + days);
        }
        LocalDate d = from;
        int left = days;
        while (left > 0) {
            // a window comfortably longer than the days needed, even across the Spring Festival
            LocalDate windowEnd = d.plusDays(direction * Math.max(31, left * 2L + 14));
            Map<LocalDate, DayKind> special = direction > 0 ? specialDays(d.plusDays(1), windowEnd)
                    : specialDays(windowEnd, d.minusDays(1));
            while (left > 0 && !d.equals(windowEnd)) {
                d = d.plusDays(direction);
                if (isWorking(d, special)) {
                    left--;
                }
            }
        }
        return d;
    }

    @Override
    public WorkingCalendar around(LocalDate from, LocalDate to) {
        Map<LocalDate, DayKind> known = Map.copyOf(specialDays(from, to));
        CalendarRules full = this;
        return new CalendarRules() {
            @Override
            protected Map<LocalDate, DayKind> specialDays(LocalDate a, LocalDate b) {
                // a superset is fine: callers only look dates of [a, b] up
                return a.isBefore(from) || b.isAfter(to) ? full.specialDays(a, b) : known;
            }
        };
    }

    @Override
    public Instant deadlineAfter(Instant start, int days) {
        LocalDate due = plusWorkingDays(LocalDate.ofInstant(start, ClockConfig.ZONE), days);
        return due.plusDays(1).atStartOfDay(ClockConfig.ZONE).toInstant().minusMillis(1);
    }

    @Override
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        if (!toInclusive.isAfter(fromExclusive)) {
            return 0;
        }
        Map<LocalDate, DayKind> special = specialDays(fromExclusive.plusDays(1), toInclusive);
        int count = 0;
        for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (isWorking(d, special)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isWorking(LocalDate date, Map<LocalDate, DayKind> special) {
        DayKind kind = special.get(date);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }
}
