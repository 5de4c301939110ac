package cn.jiandu.calendar.web;

import cn.jiandu.calendar.DayKind;
import cn.jiandu.calendar.domain.CalendarService;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.web.ApiException;
import cn.jiandu.shared.web.HtmxRequest;
import cn.jiandu.shared.web.PageMessages;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** 工作日历: one handler serves the full page and, for htmx, just the year's list. */
@Controller
@PreAuthorize("hasAuthority('calendar:manage')")
class CalendarPages {

    private final CalendarService service;
    private final PageMessages messages;
    private final Clock clock;

    CalendarPages(CalendarService service, PageMessages messages, Clock clock) {
        this.service = service;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/calendar")
    String page(@RequestParam(required = false) Integer year, Model model,
            HtmxRequest hx) {
        int y = year != null ? year : LocalDate.now(clock).getYear();
        try {
            model.addAttribute("days", service.year(y));
        } catch (Refusal e) {
            y = LocalDate.now(clock).getYear();
            model.addAttribute("days", service.year(y));
            model.addAttribute("error", messages.of(e));
        }
        model.addAttribute("year", y);
        model.addAttribute("kinds", DayKind.values());
        return hx.fragmentOrPage("calendar/days :: days", "calendar/days");
    }

    @PostMapping("/calendar")
    String put(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) DayKind kind, @RequestParam(required = false) String name, Model model,
            HtmxRequest hx) {
        Integer year = date != null ? date.getYear() : null;
        return apply(model, hx, year, () -> service.put(date, kind, name));
    }

    @PostMapping("/calendar/{date}/delete")
    String delete(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model,
            HtmxRequest hx) {
        return apply(model, hx, date.getYear(), () -> service.delete(date));
    }

    private String apply(Model model, HtmxRequest hx, Integer year, Runnable change) {
        messages.apply(model, "common.saved", change);
        return page(year, model, hx);
    }
}
