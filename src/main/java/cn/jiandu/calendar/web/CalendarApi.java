package cn.jiandu.calendar.web;

import cn.jiandu.calendar.CalendarDay;
import cn.jiandu.calendar.DayKind;
import cn.jiandu.calendar.domain.CalendarService;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/calendar/days")
@Tag(name = "calendar", description = "工作日历 holidays and make-up workdays")
class CalendarApi {

    private final CalendarService service;
    private final Clock clock;

    CalendarApi(CalendarService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    record DayForm(DayKind kind, String name) {
    }

    /** The special days of a year (default: this year); every signed-in user may read them. */
    @GetMapping
    List<CalendarDay> year(@RequestParam(required = false) Integer year) {
        return service.year(year != null ? year : LocalDate.now(clock).getYear());
    }

    @PutMapping("/{date}")
    @PreAuthorize("hasAuthority('calendar:manage')")
    CalendarDay put(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestBody DayForm form) {
        return service.put(date, form.kind(), form.name());
    }

    @DeleteMapping("/{date}")
    @PreAuthorize("hasAuthority('calendar:manage')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        service.delete(date);
    }
}
