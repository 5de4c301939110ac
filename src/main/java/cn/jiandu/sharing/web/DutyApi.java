package cn.jiandu.sharing.web;

import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.sharing.DutyPeriodType;
import cn.jiandu.sharing.domain.DutyRoster;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/duty-periods")
@Tag(name = "sharing")
class DutyApi {

    record PeriodForm(String code, DutyPeriodType type, LocalDate startsOn, LocalDate dueOn) {
    }

    /** 催交: everyone missing (null fields), within a unit's subtree, or only the picked members. */
    record UrgeForm(String orgUnitId, List<String> userIds) {
    }

    record Urged(int reminded, List<String> userIds) {
    }

    private final Callers callers;
    private final DutyService duty;
    private final DutyRoster roster;

    DutyApi(Callers callers, DutyService duty, DutyRoster roster) {
        this.callers = callers;
        this.duty = duty;
        this.roster = roster;
    }

    /** The caller's own state per period (未提交 / 按时 / 逾期 with the due date); empty if he need not submit. */
    @GetMapping("/mine")
    List<Json.OwnDutyJson> mine(JianduPrincipal me) {
        return roster.mine(me).stream().map(Json.OwnDutyJson::of).toList();
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

    /** Per member of every space: ON_TIME, LATE or MISSING (admin and leaders), optionally one state or unit. */
    @GetMapping("/{id}/submissions")
    List<Json.SubmissionJson> submissions(JianduPrincipal me, @PathVariable long id,
            @RequestParam(required = false) String status, @RequestParam(required = false) Long orgUnitId) {
        return roster.submissions(callers.of(me), id, status, orgUnitId).stream().map(Json.SubmissionJson::of)
                .toList();
    }

    /** 催交: an inbox message to each member still missing (all, a unit's, or the picked ones); audited. */
    @PostMapping("/{id}/reminders")
    @org.springframework.security.access.prepost.PreAuthorize("hasAuthority('sharing:manage')")
    Urged urge(JianduPrincipal me, @PathVariable long id, @RequestBody(required = false) UrgeForm form) {
        Long unit = form == null || form.orgUnitId() == null || form.orgUnitId().isBlank() ? null
                : parseId(form.orgUnitId(), "orgUnitId");
        List<Long> picked = form == null || form.userIds() == null ? List.of()
                : form.userIds().stream().map(u -> parseId(u, "userIds")).toList();
        List<Long> reached = roster.urge(callers.of(me), id, unit, picked);
        return new Urged(reached.size(), reached.stream().map(String::valueOf).toList());
    }

    private static long parseId(String value, String field) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw cn.jiandu.shared.Refusal.invalidField(field, "error.invalidValue");
        }
    }
}
