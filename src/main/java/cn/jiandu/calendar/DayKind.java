package cn.jiandu.calendar;

/** A special day: a day off ({@code HOLIDAY}, possibly on a weekday) or a make-up workday ({@code WORKDAY}, 调休). */
public enum DayKind {
    HOLIDAY, WORKDAY;

    public String messageKey() {
        return "calendar.kind." + name();
    }
}
