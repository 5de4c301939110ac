package cn.jiandu.calendar;

import java.time.Instant;
import java.time.LocalDate;

/** Working days in China Standard Time: Monday–Friday unless a holiday, plus make-up workdays (调休). */
public interface WorkingCalendar {

    boolean isWorkingDay(LocalDate date);

    /** The date {@code days} working days after {@code from} ({@code from} itself not counted); days ≥ 0. */
    LocalDate plusWorkingDays(LocalDate from, int days);

    /** The date {@code days} working days before {@code from} ({@code from} itself not counted); days ≥ 0. */
    LocalDate minusWorkingDays(LocalDate from, int days);

    /**
     * This calendar answering from one read of the special days in [{@code from}, {@code to}] (falling back to
     * this calendar for questions that reach outside), for code that asks several questions at once. Use it for
     * one computation, never keep it: it does not see later corrections.
     */
    default WorkingCalendar around(LocalDate from, LocalDate to) {
        return this;
    }

    /**
     * A deadline: the end (23:59:59.999 CST) of the {@code days}-th working day after the day of {@code start}.
     * E.g. a report dispatched on a Friday with 3 working days is due at the end of the next Wednesday.
     */
    Instant deadlineAfter(Instant start, int days);

    /** Working days in the half-open range ({@code fromExclusive}, {@code toInclusive}]; 0 if to ≤ from. */
    int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive);
}
