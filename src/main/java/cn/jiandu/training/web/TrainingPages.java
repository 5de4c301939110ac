package cn.jiandu.training.web;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.paging.PageSize;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.time.ClockConfig;
import cn.jiandu.training.AttendanceStatus;
import cn.jiandu.training.SessionKind;
import cn.jiandu.training.TrainingPermissions;
import cn.jiandu.training.domain.AttendanceService;
import cn.jiandu.training.domain.OnboardingService;
import cn.jiandu.training.domain.SessionCommand;
import cn.jiandu.training.domain.SessionService;
import cn.jiandu.training.domain.SignInCodes;
import cn.jiandu.training.domain.TrainingSession;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** 培训 pages: the session list, planning, a session with its attendance, the projector, sign-in, 五个一. */
@Controller
class TrainingPages {

    /** The planning form's fields (times as the browser's datetime-local, read in China Standard Time). */
    record PlanForm(SessionKind kind, String title,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt, String place, Boolean online,
            List<Role> types, List<Long> unitIds, String usernames, Long examId, String description) {
    }

    private final SessionService sessions;
    private final AttendanceService attendance;
    private final OnboardingService onboarding;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final MessageSource messages;
    private final Clock clock;

    TrainingPages(SessionService sessions, AttendanceService attendance, OnboardingService onboarding,
            UserDirectory users, OrgDirectory org, MessageSource messages, Clock clock) {
        this.sessions = sessions;
        this.attendance = attendance;
        this.onboarding = onboarding;
        this.users = users;
        this.org = org;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/training")
    String list(JianduPrincipal me, @RequestParam(required = false) String scope,
            @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", sessions.list(me, scope, PageSize.DEFAULT, cursor));
        model.addAttribute("scope", scope);
        model.addAttribute("mayPlan", me.can(TrainingPermissions.PLAN));
        model.addAttribute("checklists", onboarding.ofUser(me.id()));
        model.addAttribute("now", clock.instant());
        return "training/sessions";
    }

    @GetMapping("/training/sessions/new")
    @PreAuthorize("hasAuthority('training:plan')")
    String form(JianduPrincipal me, Model model) {
        LocalDateTime start = LocalDate.now(clock).plusDays(1).atTime(9, 0);
        return showForm(me, model, new PlanForm(SessionKind.QUARTERLY_CLASS, null, start, start.plusHours(2), null,
                false, List.of(), List.of(), null, null, null), null);
    }

    @PostMapping("/training/sessions")
    @PreAuthorize("hasAuthority('training:plan')")
    String plan(JianduPrincipal me, PlanForm form, Model model, RedirectAttributes redirect) {
        try {
            TrainingSession s = sessions.plan(me, command(form));
            redirect.addFlashAttribute("notice", msg("training.session.planned"));
            return "redirect:/training/sessions/" + s.id();
        } catch (Refusal e) {
            return showForm(me, model, form, message(e));
        }
    }

    private String showForm(JianduPrincipal me, Model model, PlanForm form, String error) {
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("kinds", SessionKind.values());
        model.addAttribute("types", List.of(Role.BRANCH_INSPECTOR, Role.TEAM_SUPERVISOR, Role.GRID_SUPERVISOR));
        model.addAttribute("units", me.isAdmin() ? org.all()
                : org.all().stream().filter(u -> org.isWithin(u.id(), me.orgUnitId())).toList());
        return "training/plan";
    }

    private SessionCommand command(PlanForm f) {
        List<Long> userIds = new ArrayList<>();
        if (f.usernames() != null) {
            for (String name : f.usernames().split("[,，\\s]+")) {
                if (!name.isBlank()) {
                    userIds.add(users.findByUsername(name.strip()).map(UserView::id)
                            .orElseThrow(() -> Refusal.invalidField("audience.userIds", "training.session.error.user")));
                }
            }
        }
        return new SessionCommand(f.kind(), f.title(), at(f.startsAt()), at(f.endsAt()), f.place(), f.online(), null,
                new SessionCommand.Audience(f.types(), f.unitIds(), userIds), List.of(), f.examId(), f.description());
    }

    private static OffsetDateTime at(LocalDateTime t) {
        return t == null ? null : t.atZone(ClockConfig.ZONE).toOffsetDateTime();
    }

    @GetMapping("/training/sessions/{id}")
    String detail(JianduPrincipal me, @PathVariable long id, Model model) {
        TrainingSession s = sessions.visible(me, id);
        boolean manage = sessions.mayManage(me, s);
        model.addAttribute("s", s);
        model.addAttribute("organiser", users.find(s.organiserId()).map(UserView::displayName).orElse(""));
        model.addAttribute("manage", manage);
        model.addAttribute("mine", attendance.mine(me, s).orElse(null));
        model.addAttribute("started", s.started(clock.instant()));
        model.addAttribute("signInOpen", s.signInOpenAt(clock.instant(), java.time.Duration.ofMinutes(30)));
        if (manage) {
            List<AttendanceService.Line> lines = attendance.attendance(me, id);
            model.addAttribute("lines", lines);
            model.addAttribute("tally", AttendanceService.tally(lines));
            model.addAttribute("statuses", AttendanceStatus.values());
        }
        return "training/session";
    }

    @PostMapping("/training/sessions/{id}/leave")
    String leave(JianduPrincipal me, @PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            attendance.leave(me, id, reason);
            redirect.addFlashAttribute("notice", msg("training.leave.done"));
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:/training/sessions/" + id;
    }

    @PostMapping("/training/sessions/{id}/attendance")
    String mark(JianduPrincipal me, @PathVariable long id, @RequestParam(required = false) String username,
            @RequestParam(required = false) AttendanceStatus status, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            Long userId = username == null ? null
                    : users.findByUsername(username.strip()).map(UserView::id).orElse(null);
            attendance.mark(me, id, userId, status, reason);
            redirect.addFlashAttribute("notice", msg("training.attendance.marked"));
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:/training/sessions/" + id;
    }

    /** The projector page: the QR code, renewed by htmx every rotation. */
    @GetMapping("/training/sessions/{id}/projector")
    String projector(JianduPrincipal me, @PathVariable long id, Model model) {
        TrainingSession s = sessions.managed(me, id);
        model.addAttribute("s", s);
        addCode(me, id, model);
        return "training/projector";
    }

    @GetMapping("/training/sessions/{id}/projector/code")
    String projectorCode(JianduPrincipal me, @PathVariable long id, Model model) {
        sessions.managed(me, id);
        addCode(me, id, model);
        return "training/projector :: code";
    }

    private void addCode(JianduPrincipal me, long id, Model model) {
        try {
            SignInCodes.Issued c = attendance.code(me, id);
            String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/training/sign-in")
                    .queryParam("code", c.code()).build().toUriString();
            model.addAttribute("code", c);
            model.addAttribute("url", url);
            model.addAttribute("qr", QrSvg.of(url));
            model.addAttribute("present", AttendanceService.tally(attendance.attendance(me, id)));
        } catch (Refusal e) {
            if (e.kind() != Refusal.Kind.CONFLICT) {
                throw e;
            }
            model.addAttribute("closed", message(e));
        }
        model.addAttribute("sessionId", id);
    }

    @GetMapping("/training/sign-in")
    String signInPage(@RequestParam(required = false) String code, Model model) {
        model.addAttribute("code", code);
        return "training/sign-in";
    }

    @PostMapping("/training/sign-in")
    String signIn(JianduPrincipal me, @RequestParam(required = false) String code, Model model) {
        try {
            AttendanceService.SignedIn s = attendance.signIn(me, code, null);
            model.addAttribute("signedIn", s);
            model.addAttribute("signedSession", sessions.find(s.sessionId()).orElseThrow());
        } catch (Refusal e) {
            model.addAttribute("error", message(e));
            model.addAttribute("code", code);
        }
        return "training/sign-in";
    }

    @GetMapping("/training/onboarding")
    String onboardingList(JianduPrincipal me, @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) String status, Model model) {
        boolean office = me.can(TrainingPermissions.ONBOARDING_READ);
        model.addAttribute("office", office);
        model.addAttribute("checklists", office ? onboarding.list(me, unitId, blank(status))
                : onboarding.ofUser(me.id()));
        model.addAttribute("status", status);
        model.addAttribute("now", clock.instant());
        return "training/onboarding";
    }

    @GetMapping("/training/onboarding/{appointmentId}")
    String onboardingDetail(JianduPrincipal me, @PathVariable long appointmentId, Model model) {
        model.addAttribute("c", onboarding.visible(me, appointmentId));
        model.addAttribute("mayConfirm", me.can(TrainingPermissions.ONBOARDING_CONFIRM));
        model.addAttribute("now", clock.instant());
        model.addAttribute("today", LocalDate.now(clock));
        return "training/checklist";
    }

    @PostMapping("/training/onboarding/{appointmentId}/items/{code}/confirm")
    @PreAuthorize("hasAuthority('training:onboarding-confirm')")
    String confirm(JianduPrincipal me, @PathVariable long appointmentId, @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        try {
            onboarding.confirm(me, appointmentId, code, doneOn, comment);
            redirect.addFlashAttribute("notice", msg("training.onboarding.confirmed"));
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:/training/onboarding/" + appointmentId;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private String message(Refusal e) {
        Locale locale = LocaleContextHolder.getLocale();
        if (!e.fieldErrors().isEmpty()) {
            return String.join("；", e.fieldErrors().stream()
                    .map(f -> messages.getMessage(f.messageKey(), f.args(), f.messageKey(), locale)).toList());
        }
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
    }

    static List<String> split(String s) {
        return s == null ? List.of() : Arrays.stream(s.split(",")).filter(x -> !x.isBlank()).toList();
    }
}
