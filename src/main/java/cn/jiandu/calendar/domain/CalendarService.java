package cn.jiandu.calendar.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.calendar.CalendarDay;
import cn.jiandu.calendar.DayKind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admin's maintenance of special days; every change goes to the audit trail. */
@Service
public class CalendarService {

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;
    private static final int NAME_MAX = 50;
    private final CalendarRepository repository;
    private final AuditTrail audit;

    CalendarService(CalendarRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<CalendarDay> year(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw Refusal.invalidField("year", "calendar.error.year", MIN_YEAR, MAX_YEAR);
        }
        return repository.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Marks {@code date} as a holiday or a make-up workday, replacing what was there. */
    @Transactional
    public CalendarDay put(LocalDate date, DayKind kind, String name) {
        if (date == null) {
            throw Refusal.invalidField("date", "error.required");
        }
        if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
            throw Refusal.invalidField("date", "calendar.error.year", MIN_YEAR, MAX_YEAR);
        }
        if (kind == null) {
            throw Refusal.invalidField("kind", "error.required");
        }
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > NAME_MAX) {
            throw Refusal.invalidField("name", "calendar.error.name", NAME_MAX);
        }
        DayOfWeek dow = date.getDayOfWeek();
        if (kind == DayKind.WORKDAY && dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
            throw Refusal.invalidField("kind", "calendar.error.workdayOnWeekday");
        }
        CalendarDay day = new CalendarDay(date, kind, trimmed);
        String before = repository.find(date).map(d -> d.kind() + " " + d.name()).orElse("-");
        repository.upsert(day);
        audit.record("calendar.day.put", "calendar_day", date, Outcome.SUCCESS,
                before + " -> " + kind + " " + trimmed);
        return day;
    }

    /** Makes {@code date} an ordinary day again; 404 if it was not special. */
    @Transactional
    public void delete(LocalDate date) {
        CalendarDay old = repository.find(date).orElseThrow(Refusal::notFound);
        repository.delete(date);
        audit.record("calendar.day.delete", "calendar_day", date, Outcome.SUCCESS, old.kind() + " " + old.name());
    }
}
