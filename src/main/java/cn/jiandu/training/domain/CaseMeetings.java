package cn.jiandu.training.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.training.CaseStatus;
import cn.jiandu.training.TrainingPermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 季度工作交流沟通会: the office plans a quarter's exchange meeting (date, place, presenters) and puts accepted
 * excellent cases on it. The office, the leaders and the supervisors read the meetings; a case on a meeting is
 * listed only to those who may read it.
 */
@Service
public class CaseMeetings {

    public record MeetingCommand(String quarter, LocalDate date, String place, List<Long> presenterIds,
            List<Long> caseIds) {
    }

    public record Person(long id, String name) {
    }

    public record CaseRef(long id, String title, CaseStatus status) {
    }

    public record MeetingView(long id, String quarter, LocalDate date, String place, List<Person> presenters,
            List<CaseRef> cases) {
    }

    private final MeetingRepository meetings;
    private final CaseRepository cases;
    private final CaseService service;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final Clock clock;

    CaseMeetings(MeetingRepository meetings, CaseRepository cases, CaseService service, UserDirectory users,
            AuditTrail audit, Clock clock) {
        this.meetings = meetings;
        this.cases = cases;
        this.service = service;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public MeetingView plan(JianduPrincipal me, MeetingCommand c) {
        if (!me.can(TrainingPermissions.CASES_REVIEW)) {
            throw Refusal.forbidden();
        }
        List<Refusal.FieldError> errors = new ArrayList<>();
        if (c.date() == null) {
            errors.add(new Refusal.FieldError("date", "case.error.required"));
        }
        String quarter = c.quarter() == null || c.quarter().isBlank() ? null : c.quarter().strip();
        if (quarter != null && !Quarters.valid(quarter)) {
            errors.add(new Refusal.FieldError("quarter", "case.error.quarter"));
        }
        String place = c.place() == null ? "" : c.place().strip();
        if (place.isEmpty() || place.length() > 200) {
            errors.add(new Refusal.FieldError("place", "case.error.place"));
        }
        List<Long> presenters = c.presenterIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(c.presenterIds()));
        if (presenters.size() > 30 || presenters.stream().anyMatch(id -> id == null || users.find(id).isEmpty())) {
            errors.add(new Refusal.FieldError("presenterIds", "case.error.presenterIds"));
        }
        List<Long> caseIds = c.caseIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(c.caseIds()));
        if (caseIds.stream().anyMatch(id -> id == null
                || cases.find(id).filter(TrainingCase::selectable).isEmpty())) {
            errors.add(new Refusal.FieldError("caseIds", "case.error.caseIds"));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalidFields(errors);
        }
        Instant now = clock.instant();
        String q = quarter != null ? quarter : Quarters.of(c.date());
        long id = meetings.insert(q, c.date(), place, me.id(), now, presenters);
        audit.record("case.meeting.plan", "training_case_meeting", id, Outcome.SUCCESS, q + " " + place);
        MeetingRepository.Meeting m = meetings.find(id).orElseThrow();
        for (long caseId : caseIds) {
            service.select(me, caseId, m, now);
        }
        return view(me, m);
    }

    public List<MeetingView> list(JianduPrincipal me) {
        checkReader(me);
        return meetings.all().stream().map(m -> view(me, m)).toList();
    }

    public MeetingView get(JianduPrincipal me, long id) {
        checkReader(me);
        return view(me, meetings.find(id).orElseThrow(Refusal::notFound));
    }

    private static void checkReader(JianduPrincipal me) {
        if (!me.seesEverything() && !me.isSupervisor()) {
            throw Refusal.forbidden();
        }
    }

    private MeetingView view(JianduPrincipal me, MeetingRepository.Meeting m) {
        List<Long> presenterIds = meetings.presenters(m.id());
        Map<Long, String> names = users.displayNames(presenterIds);
        List<CaseRef> refs = meetings.cases(m.id()).stream().map(cases::find).flatMap(java.util.Optional::stream)
                .filter(c -> CaseService.mayRead(me, c))
                .map(c -> new CaseRef(c.id(), c.text().title(), c.status())).toList();
        return new MeetingView(m.id(), m.quarter(), m.heldOn(), m.place(),
                presenterIds.stream().map(u -> new Person(u, names.get(u))).toList(), refs);
    }
}
