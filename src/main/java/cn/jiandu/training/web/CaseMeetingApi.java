package cn.jiandu.training.web;

import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.training.domain.CaseMeetings;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@RequestMapping("/api/v1/case-meetings")
@Tag(name = "training", description = """
        季度工作交流沟通会: `{"quarter"?,"date","place","presenterIds":[...],"caseIds":[...]}` (the office); the quarter
        defaults to the date's; `caseIds` are accepted or published excellent cases, now on this meeting's programme.
        The office, the leaders and the supervisors read meetings; a meeting lists only the cases its reader may read.""")
class CaseMeetingApi {

    private final CaseMeetings meetings;

    CaseMeetingApi(CaseMeetings meetings) {
        this.meetings = meetings;
    }

    @GetMapping
    List<CaseJson.Meeting> list(JianduPrincipal me) {
        return meetings.list(me).stream().map(CaseJson.Meeting::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CaseJson.Meeting plan(JianduPrincipal me, @RequestBody CaseMeetings.MeetingCommand body) {
        return CaseJson.Meeting.of(meetings.plan(me, body));
    }

    @GetMapping("/{id}")
    CaseJson.Meeting get(JianduPrincipal me, @PathVariable long id) {
        return CaseJson.Meeting.of(meetings.get(me, id));
    }
}
