package cn.jiandu.training.web;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.paging.PageSize;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.training.AttendanceStatus;
import cn.jiandu.training.domain.AttendanceService;
import cn.jiandu.training.domain.SessionCommand;
import cn.jiandu.training.domain.SessionService;
import cn.jiandu.training.domain.SignInCodes;
import cn.jiandu.training.domain.TrainingSession;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/training-sessions")
@Tag(name = "training", description = "培训: sessions, sign-in, attendance")
class TrainingSessionApi {

    record ReasonForm(String reason) {
    }

    record SignInForm(String code, Long sessionId) {
    }

    record SignedIn(String sessionId, OffsetDateTime signedInAt, AttendanceStatus status) {
    }

    record Code(String code, OffsetDateTime expiresAt) {
    }

    record MarkForm(Long userId, AttendanceStatus status, String reason) {
    }

    private final SessionService sessions;
    private final AttendanceService attendance;
    private final UserDirectory users;
    private final AttendanceExport export;

    TrainingSessionApi(SessionService sessions, AttendanceService attendance, UserDirectory users,
            AttendanceExport export, Clock clock) {
        this.sessions = sessions;
        this.attendance = attendance;
        this.users = users;
        this.export = export;
    }

    /** Sessions the caller may read, newest first; {@code scope=mine} only those he is invited to. */
    @GetMapping
    CursorPage<Json.SessionRow> list(JianduPrincipal me, @RequestParam(required = false) String scope,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String cursor) {
        return sessions.list(me, scope, PageSize.of(size), cursor).map(Json.SessionRow::of);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('training:plan')")
    Json.Session plan(JianduPrincipal me, @RequestBody SessionCommand body) {
        return view(me, sessions.plan(me, body));
    }

    @GetMapping("/{id}")
    Json.Session get(JianduPrincipal me, @PathVariable long id) {
        return view(me, sessions.visible(me, id));
    }

    @PutMapping("/{id}")
    Json.Session update(JianduPrincipal me, @PathVariable long id, @RequestBody SessionCommand body) {
        return view(me, sessions.update(me, id, body));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(JianduPrincipal me, @PathVariable long id) {
        sessions.delete(me, id);
    }

    @PostMapping("/{id}/leave")
    Json.Line leave(JianduPrincipal me, @PathVariable long id, @RequestBody ReasonForm body) {
        attendance.leave(me, id, body.reason());
        return Json.Line.of(attendance.mine(me, sessions.visible(me, id)).orElseThrow());
    }

    @GetMapping("/{id}/sign-in-code")
    Code code(JianduPrincipal me, @PathVariable long id) {
        SignInCodes.Issued c = attendance.code(me, id);
        return new Code(c.code(), Json.odt(c.expiresAt()));
    }

    @PostMapping("/sign-in")
    SignedIn signIn(JianduPrincipal me, @RequestBody SignInForm body) {
        AttendanceService.SignedIn s = attendance.signIn(me, body.code(), body.sessionId());
        return new SignedIn(String.valueOf(s.sessionId()), Json.odt(s.signedInAt()), s.status());
    }

    @PostMapping("/{id}/attendance")
    Json.Line mark(JianduPrincipal me, @PathVariable long id, @RequestBody MarkForm body) {
        return Json.Line.of(attendance.mark(me, id, body.userId(), body.status(), body.reason()));
    }

    @GetMapping("/{id}/attendance")
    List<Json.Line> attendance(JianduPrincipal me, @PathVariable long id) {
        return attendance.attendance(me, id).stream().map(Json.Line::of).toList();
    }

    @GetMapping("/{id}/attendance.xlsx")
    void export(JianduPrincipal me, @PathVariable long id, HttpServletResponse response) throws IOException {
        TrainingSession s = sessions.managed(me, id);
        export.write(s, attendance.attendance(me, id), response);
    }

    private Json.Session view(JianduPrincipal me, TrainingSession s) {
        boolean manage = sessions.mayManage(me, s);
        String organiser = users.find(s.organiserId()).map(UserView::displayName).orElse(null);
        AttendanceService.Tally tally = manage ? AttendanceService.tally(attendance.attendance(me, s.id())) : null;
        return Json.Session.of(s, organiser, manage, tally,
                attendance.mine(me, s).map(Json.Line::of).orElse(null));
    }
}
