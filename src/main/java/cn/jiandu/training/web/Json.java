package cn.jiandu.training.web;

import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.training.AttendanceStatus;
import cn.jiandu.training.OnboardingItemCode;
import cn.jiandu.training.SessionKind;
import cn.jiandu.training.domain.AttendanceService;
import cn.jiandu.training.domain.OnboardingService;
import cn.jiandu.training.domain.SessionService;
import cn.jiandu.training.domain.TrainingSession;
import cn.jiandu.shared.time.ClockConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** The JSON shapes of the training API (ids as strings, instants with offset). */
final class Json {

    private Json() {
    }

    static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(ClockConfig.ZONE).toOffsetDateTime();
    }

    static String id(Long id) {
        return id == null ? null : String.valueOf(id);
    }

    static List<String> ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).toList();
    }

    record Audience(Set<Role> types, List<String> unitIds, List<String> userIds) {
    }

    record Session(String id, SessionKind kind, String title, OffsetDateTime startsAt, OffsetDateTime endsAt,
            String place, boolean online, String organiserId, String organiser, Audience audience,
            List<String> materialFileIds, String examId, String description, boolean mayManage,
            AttendanceService.Tally attendance, Line me) {

        static Session of(TrainingSession s, String organiser, boolean mayManage, AttendanceService.Tally tally,
                Line me) {
            return new Session(String.valueOf(s.id()), s.kind(), s.title(), odt(s.startsAt()), odt(s.endsAt()),
                    s.place(), s.online(), String.valueOf(s.organiserId()), organiser,
                    new Audience(s.audienceTypes(), ids(s.audienceUnitIds()), ids(s.audienceUserIds())),
                    ids(s.materialFileIds()), Json.id(s.examId()), s.description(), mayManage, tally, me);
        }
    }

    record SessionRow(String id, SessionKind kind, String title, OffsetDateTime startsAt, OffsetDateTime endsAt,
            String place, boolean online, String organiserId, String organiser, long invited, long attended,
            boolean invitedMe, String myStatus) {

        static SessionRow of(SessionService.SessionSummary s) {
            return new SessionRow(String.valueOf(s.id()), s.kind(), s.title(), odt(s.startsAt()), odt(s.endsAt()),
                    s.place(), s.online(), String.valueOf(s.organiserId()), s.organiserName(), s.invited(),
                    s.attended(), s.invitedMe(), s.myStatus());
        }
    }

    record Line(String userId, String person, AttendanceStatus status, OffsetDateTime signedInAt, String reason) {

        static Line of(AttendanceService.Line l) {
            return new Line(String.valueOf(l.userId()), l.person(), l.status(), odt(l.signedInAt()), l.reason());
        }
    }

    record Item(OnboardingItemCode code, OffsetDateTime doneAt, OnboardingService.Source source, String evidence,
            String sessionId) {
    }

    record Onboarding(String appointmentId, String userId, String person, Role type, String scopeUnitId,
            String scopeUnit, LocalDate startsOn, OffsetDateTime dueAt, OffsetDateTime completedAt, String status,
            List<Item> items) {

        static Onboarding of(OnboardingService.Checklist c, Instant now) {
            return new Onboarding(String.valueOf(c.appointmentId()), String.valueOf(c.userId()), c.person(),
                    c.type(), String.valueOf(c.scopeUnitId()), c.scopeUnitName(), c.startsOn(), odt(c.dueAt()),
                    odt(c.completedAt()), c.status(now),
                    c.items().stream().map(i -> new Item(i.code(), odt(i.doneAt()), i.source(), i.evidence(),
                            Json.id(i.sessionId()))).toList());
        }
    }

    static boolean isOrganiserView(JianduPrincipal me, TrainingSession s, SessionService sessions) {
        return sessions.mayManage(me, s);
    }
}
