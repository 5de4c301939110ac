package cn.jiandu.audit.web;

import cn.jiandu.shared.Refusal;
import cn.jiandu.audit.Outcome;
import cn.jiandu.audit.domain.AuditQuery;
import cn.jiandu.shared.paging.PageSize;
import cn.jiandu.shared.web.ApiException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** 审计日志: the same filters as the API; htmx gets the result table, or just more rows for "load more". */
@Controller
@PreAuthorize("hasAuthority('audit:read')")
class AuditPageController {

    private final AuditQuery query;
    private final MessageSource messages;

    AuditPageController(AuditQuery query, MessageSource messages) {
        this.query = query;
        this.messages = messages;
    }

    @GetMapping("/audit")
    String page(@ModelAttribute("filter") AuditFilter filter, @RequestParam(required = false) String cursor,
            Model model, @RequestHeader(value = "HX-Request", required = false) String hx) {
        try {
            model.addAttribute("page", query.search(filter.toSearch(), PageSize.DEFAULT, cursor));
        } catch (Refusal e) {
            model.addAttribute("error",
                    messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
            model.addAttribute("page", new cn.jiandu.shared.paging.CursorPage<>(java.util.List.of(), null));
        }
        model.addAttribute("outcomes", Outcome.values());
        if (hx != null) {
            return cursor != null && !cursor.isBlank() ? "audit/log :: rows" : "audit/log :: results";
        }
        return "audit/log";
    }
}
