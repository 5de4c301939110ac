package cn.jiandu.sharing.web;

import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.ApiException;
import cn.jiandu.sharing.domain.Caller;
import cn.jiandu.sharing.domain.DutyPeriod;
import cn.jiandu.sharing.domain.DutyRoster;
import cn.jiandu.sharing.domain.DutyService;
import cn.jiandu.sharing.domain.SpaceRepository;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 提交情况 of a duty period for the office (filter by state and unit, .xlsx, 催交 to those missing — all, a unit's or
 * the ticked ones), and the member's way from a reminder to his own period folder.
 */
@Controller
class DutyPages {

    private final Callers callers;
    private final DutyService duty;
    private final DutyRoster roster;
    private final SpaceRepository spaces;
    private final OrgDirectory org;
    private final DutyExport export;
    private final MessageSource messages;

    DutyPages(Callers callers, DutyService duty, DutyRoster roster, SpaceRepository spaces, OrgDirectory org,
            DutyExport export, MessageSource messages) {
        this.callers = callers;
        this.duty = duty;
        this.roster = roster;
        this.spaces = spaces;
        this.org = org;
        this.export = export;
        this.messages = messages;
    }

    @GetMapping("/sharing/duty/{id}")
    @PreAuthorize("hasAuthority('sharing:manage') or hasRole('LEADER')")
    String submissions(JianduPrincipal me, @PathVariable long id, @RequestParam(required = false) String status,
            @RequestParam(required = false) Long orgUnitId, Model model) {
        Caller c = callers.of(me);
        DutyPeriod period = duty.find(id).orElseThrow(ApiException::notFound);
        String state = blank(status);
        var all = roster.submissions(c, id, null, orgUnitId);
        var rows = state == null ? all : all.stream().filter(r -> r.status().equals(state)).toList();
        model.addAttribute("period", period);
        model.addAttribute("rows", rows);
        model.addAttribute("status", state);
        model.addAttribute("orgUnitId", orgUnitId);
        model.addAttribute("units", org.all());
        model.addAttribute("unitNames", unitNames());
        model.addAttribute("spaceNames", spaces.all().stream().collect(Collectors.toMap(s -> s.id(), s -> s.name())));
        // the counts of the unit chosen, whatever state is shown: the badges double as the state filter
        Map<String, Long> counts = all.stream().collect(Collectors.groupingBy(DutyService.Submission::status,
                Collectors.counting()));
        model.addAttribute("counts", counts);
        model.addAttribute("missing", all.stream().filter(r -> r.status().equals("MISSING"))
                .map(DutyService.Submission::userId).distinct().count());
        model.addAttribute("canUrge", c.admin());
        return "sharing/duty-period";
    }

    @GetMapping("/sharing/duty/{id}/export.xlsx")
    @PreAuthorize("hasAuthority('sharing:manage') or hasRole('LEADER')")
    void exportSubmissions(JianduPrincipal me, @PathVariable long id, @RequestParam(required = false) String status,
            @RequestParam(required = false) Long orgUnitId, HttpServletResponse response) throws IOException {
        DutyPeriod period = duty.find(id).orElseThrow(ApiException::notFound);
        var rows = roster.submissions(callers.of(me), id, blank(status), orgUnitId);
        export.write(period, rows, unitNames(), spaces.all().stream()
                .collect(Collectors.toMap(s -> s.id(), s -> s.name())), response);
    }

    /** 催交 from the page: 催交选中 the ticked members, 催交全部 everyone missing in the unit shown. */
    @PostMapping("/sharing/duty/{id}/reminders")
    @PreAuthorize("hasAuthority('sharing:manage')")
    String urge(JianduPrincipal me, @PathVariable long id, @RequestParam(required = false) Long orgUnitId,
            @RequestParam(required = false) List<Long> userIds, @RequestParam(required = false) String status,
            @RequestParam(required = false) String picked, RedirectAttributes redirect) {
        var locale = LocaleContextHolder.getLocale();
        try {
            // 催交全部 ignores the ticks; 催交选中 with nothing ticked must not turn into 催交全部
            List<Long> only = picked == null ? List.of() : userIds == null ? List.of() : userIds;
            if (picked != null && only.isEmpty()) {
                throw Refusal.invalidField("userIds", "sharing.duty.pickFirst");
            }
            int n = roster.urge(callers.of(me), id, orgUnitId, only).size();
            redirect.addFlashAttribute("notice", messages.getMessage("sharing.duty.urged", new Object[] {n}, locale));
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
        StringBuilder back = new StringBuilder("redirect:/sharing/duty/" + id);
        String sep = "?";
        if (orgUnitId != null) {
            back.append(sep).append("orgUnitId=").append(orgUnitId);
            sep = "&";
        }
        if (blank(status) != null && DutyRoster.STATES.contains(status)) {
            back.append(sep).append("status=").append(status);
        }
        return back.toString();
    }

    /** Where a 催交 message leads: the period's folder in the member's own space. */
    @GetMapping("/sharing/duty/{id}/mine")
    String mine(JianduPrincipal me, @PathVariable long id) {
        duty.find(id).orElseThrow(ApiException::notFound);
        return roster.ownFolder(callers.of(me), id).map(f -> "redirect:/sharing/folders/" + f)
                .orElse("redirect:/sharing");
    }

    private Map<Long, String> unitNames() {
        return org.all().stream().collect(Collectors.toMap(OrgUnitView::id, OrgUnitView::name, (a, b) -> a));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
