package cn.jiandu.calendar.domain;

import cn.jiandu.calendar.DayKind;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The working calendar read straight from the database, without a node-local cache: several nodes serve the same
 * users, and an admin's correction (a newly announced 调休) must count on every node at once. Each question is one
 * indexed range read of a table holding a few dozen rows a year, cheaper than keeping caches coherent.
 */
@Service
class JdbcWorkingCalendar extends CalendarRules {

    private final CalendarRepository repository;

    JdbcWorkingCalendar(CalendarRepository repository) {
        this.repository = repository;
    }

    @Override
    protected Map<LocalDate, DayKind> specialDays(LocalDate from, LocalDate to) {
        return repository.kindsBetween(from, to);
    }
}
