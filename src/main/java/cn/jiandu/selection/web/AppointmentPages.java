package cn.jiandu.selection.web;

import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.selection.AppointmentEnded.EndReason;
import cn.jiandu.selection.SelectionPermissions;
import cn.jiandu.selection.domain.Appointment;
import cn.jiandu.selection.domain.AppointmentQueries.CoverageRow;
import cn.jiandu.selection.domain.AppointmentQueries;
import cn.jiandu.selection.domain.AppointmentService;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.paging.PageSize;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.web.HtmxRequest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/** 监督员名册 pages: the register (filters, 60-day warning), one appointment (ending it), the coverage view. */
@Controller
class AppointmentPages {

    /** Coverage totals of one county branch or department. */
    record Totals(String name, int units, int covered, int gaps) {
    }

    private final AppointmentQueries queries;
    private final AppointmentService service;
    private final OrgDirectory org;
    private final MessageSource messages;

    AppointmentPages(AppointmentQueries queries, AppointmentService service, OrgDirectory org,
            MessageSource messages) {
        this.queries = queries;
        this.service = service;
        this.org = org;
        this.messages = messages;
    }

    @GetMapping("/appointments")
    String register(JianduPrincipal me, @RequestParam(required = false) Role type,
            @RequestParam(required = false) Long unitId, @RequestParam(required = false) Appointment.Status status,
            @RequestParam(required = false) Integer expiringWithinDays, @RequestParam(required = false) String cursor,
            HtmxRequest htmx, Model model) {
        var filter = AppointmentApi.filter(type, unitId, null, status, expiringWithinDays);
        CursorPage<AppointmentQueries.Item> page = queries.list(me, filter, PageSize.DEFAULT, cursor);
        model.addAttribute("page", page);
        model.addAttribute("f", filter);
        model.addAttribute("types", List.of(Role.BRANCH_INSPECTOR, Role.TEAM_SUPERVISOR, Role.GRID_SUPERVISOR));
        model.addAttribute("statuses", Appointment.Status.values());
        model.addAttribute("units", visibleUnits(me));
        model.addAttribute("readsRegister", queries.readsRegister(me));
        model.addAttribute("warningDays", 60);
        StringBuilder query = new StringBuilder();
        if (type != null) {
            query.append("&type=").append(type);
        }
        if (unitId != null) {
            query.append("&unitId=").append(unitId);
        }
        if (status != null) {
            query.append("&status=").append(status);
        }
        if (expiringWithinDays != null) {
            query.append("&expiringWithinDays=").append(expiringWithinDays);
        }
        model.addAttribute("query", query.toString());
        return htmx.isHtmx() && cursor != null ? "selection/register :: rows" : "selection/register";
    }

    private List<OrgUnitView> visibleUnits(JianduPrincipal me) {
        if (me.can(SelectionPermissions.REGISTER_READ_ALL)) {
            return org.all();
        }
        if (me.can(SelectionPermissions.REGISTER_READ_SUBTREE)) {
            OrgUnitView mine = org.find(me.orgUnitId()).orElse(null);
            return mine == null ? List.of() : org.all().stream().filter(mine::contains).toList();
        }
        return List.of();
    }

    @GetMapping("/appointments/{id}")
    String detail(JianduPrincipal me, @PathVariable long id, Model model) {
        model.addAttribute("item", queries.detail(me, id));
        model.addAttribute("canManage", me.can(SelectionPermissions.APPOINTMENT_MANAGE));
        model.addAttribute("endKinds", List.of(EndReason.DISMISSED, EndReason.TERMINATED, EndReason.RESIGNED));
        model.addAttribute("today", queries.today());
        model.addAttribute("canIssue", me.can(SelectionPermissions.CERTIFICATE_ISSUE));
        return "selection/appointment";
    }

    @PostMapping("/appointments/{id}/end")
    @PreAuthorize("hasAuthority('appointment:manage')")
    String end(JianduPrincipal me, @PathVariable long id, @RequestParam(required = false) EndReason kind,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
            RedirectAttributes redirect) {
        queries.detail(me, id);
        try {
            if (kind == EndReason.TERM_OVER) {
                throw Refusal.invalidField("kind", "appointment.error.kind");
            }
            service.end(id, kind == null ? EndReason.DISMISSED : kind, reason, endDate, me.id());
            redirect.addFlashAttribute("notice", msg("appointment.end.done"));
        } catch (Refusal e) {
            redirect.addFlashAttribute("error", msg(e));
        }
        return "redirect:/appointments/" + id;
    }

    @GetMapping("/appointments/coverage")
    @PreAuthorize("hasAnyAuthority('appointment:read-all', 'appointment:read-subtree')")
    String coverage(JianduPrincipal me, @RequestParam(required = false) Role type, Model model) {
        List<CoverageRow> rows = queries.coverage(me, null).stream()
                .filter(r -> type == null || r.type() == type).toList();
        Map<String, int[]> totals = new LinkedHashMap<>();
        for (CoverageRow r : rows) {
            int[] t = totals.computeIfAbsent(r.groupUnitName() == null ? "—" : r.groupUnitName(), k -> new int[3]);
            t[0]++;
            t[r.gap() ? 2 : 1]++;
        }
        model.addAttribute("rows", rows);
        model.addAttribute("totals", totals.entrySet().stream()
                .map(e -> new Totals(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList());
        model.addAttribute("gaps", rows.stream().filter(CoverageRow::gap).count());
        model.addAttribute("types", List.of(Role.BRANCH_INSPECTOR, Role.TEAM_SUPERVISOR, Role.GRID_SUPERVISOR));
        model.addAttribute("type", type);
        return "selection/coverage";
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private String msg(Refusal e) {
        Locale locale = LocaleContextHolder.getLocale();
        if (!e.fieldErrors().isEmpty()) {
            Refusal.FieldError f = e.fieldErrors().get(0);
            return messages.getMessage("appointment.field." + f.field(), null, f.field(), locale) + "："
                    + messages.getMessage(f.messageKey(), f.args(), f.messageKey(), locale);
        }
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
    }
}
