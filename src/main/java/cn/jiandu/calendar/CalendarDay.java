package cn.jiandu.calendar;

import java.time.LocalDate;

/** One special day of the calendar. */
public record CalendarDay(LocalDate date, DayKind kind, String name) {
}
