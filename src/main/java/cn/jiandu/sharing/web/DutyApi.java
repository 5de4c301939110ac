package cn.jiandu.sharing.web;

import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.sharing.DutyPeriodType;
import cn.jiandu.sharing.domain.DutyService;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/duty-periods")
@Tag(name = "sharing")
class DutyApi {

    record PeriodForm(String code, DutyPeriodType type, LocalDate startsOn, LocalDate dueOn) {
    }

    private final Callers callers;
    private final DutyService duty;

    DutyApi(Callers callers, DutyService duty) {
        this.callers = callers;
        this.duty = duty;
    }

    @GetMapping
    List<Json.DutyPeriodJson> list() {
        return duty.periods().stream().map(Json.DutyPeriodJson::of).toList();
    }

    /** Admin: declares a period; every space gets its folder under 履职材料反馈. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @org.springframework.security.access.prepost.PreAuthorize("hasAuthority('sharing:manage')")
    Json.DutyPeriodJson declare(JianduPrincipal me, @RequestBody PeriodForm form) {
        return Json.DutyPeriodJson.of(duty.declare(callers.of(me), form.code(), form.type(), form.startsOn(),
                form.dueOn()));
    }

    /** Per member of every space: ON_TIME, LATE or MISSING (admin and leaders). */
    @GetMapping("/{id}/submissions")
    List<Json.SubmissionJson> submissions(JianduPrincipal me, @PathVariable long id) {
        return duty.submissions(callers.of(me), id).stream().map(Json.SubmissionJson::of).toList();
    }
}
