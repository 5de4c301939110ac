package cn.jiandu.audit.web;

import cn.jiandu.audit.AuditEntryView;
import cn.jiandu.audit.Outcome;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.paging.CursorPage;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import cn.jiandu.audit.domain.AuditQuery;
import cn.jiandu.shared.paging.PageSize;
import cn.jiandu.shared.web.HtmxRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** 审计日志: the same filters as the API; htmx gets the result table, or just more rows for "load more". */
@Controller
@PreAuthorize("hasAuthority('audit:read')")
class AuditPages {

    /** The action groups offered as a filter (an action code's first part), in the order of the navigation. */
    static final List<String> GROUPS = List.of("auth.", "user.", "org.", "calendar.", "problem.", "sharing.",
            "profile.", "nomination.", "selection.", "appointment.", "certificate.", "training.", "case.", "talk.",
            "handbook.", "exam.", "ledger.", "assessment.");
    static final List<String> TARGET_TYPES = List.of("user", "org_unit", "calendar_day", "problem", "dispatch_rule",
            "problem_category", "sharing_space", "sharing_folder", "sharing_entry", "sharing_duty_period", "nomination",
            "selection_chain", "appointment", "training_session", "onboarding", "training_case", "training_case_meeting",
            "training_talk", "handbook_draft", "handbook_version", "exam_question", "exam_paper", "exam_exam", "ledger",
            "ledger_finding", "assessment_scheme", "assessment_run", "assessment_result", "assessment_admonition",
            "assessment_bulletin", "assessment_bulletin_template");

    private final AuditQuery query;
    private final AuditNames names;
    private final AuditExport export;
    private final MessageSource messages;

    AuditPages(AuditQuery query, AuditNames names, AuditExport export, MessageSource messages) {
        this.query = query;
        this.names = names;
        this.export = export;
        this.messages = messages;
    }

    @GetMapping("/audit/export.xlsx")
    void exportXlsx(@ModelAttribute("filter") AuditFilter filter, HttpServletResponse response) throws IOException {
        export.write(filter.toSearch(), response);
    }

    @GetMapping("/audit")
    String page(@ModelAttribute("filter") AuditFilter filter, @RequestParam(required = false) String cursor,
            Model model, HtmxRequest htmx) {
        CursorPage<AuditEntryView> page;
        try {
            page = query.search(filter.toSearch(), PageSize.DEFAULT, cursor);
        } catch (Refusal e) {
            model.addAttribute("error",
                    messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
            page = new CursorPage<>(List.of(), null);
        }
        model.addAttribute("page", page);
        model.addAttribute("names", names.of(page.items()));
        model.addAttribute("groups", GROUPS);
        model.addAttribute("targetTypes", TARGET_TYPES);
        model.addAttribute("outcomes", Outcome.values());
        String fragment = cursor != null && !cursor.isBlank() ? "audit/log :: rows" : "audit/log :: results";
        return htmx.fragmentOrPage(fragment, "audit/log");
    }
}
