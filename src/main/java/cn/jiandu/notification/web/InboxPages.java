package cn.jiandu.notification.web;

import cn.jiandu.notification.domain.JdbcInbox;
import cn.jiandu.notification.domain.Notification;
import cn.jiandu.shared.paging.PageSize;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 消息: the inbox page, its htmx fragments, and the unread badge the layout polls. */
@Controller
class InboxPages {

    static final int BADGE_MAX = 99;
    /** An htmx event the layout's unread badges listen to, so they refresh at once instead of within 60 s. */
    static final String INBOX_CHANGED = "jd-inbox-changed";
    private final JdbcInbox inbox;
    private final MessageSource messages;

    InboxPages(JdbcInbox inbox, MessageSource messages) {
        this.inbox = inbox;
        this.messages = messages;
    }

    /** Full page; with htmx and a cursor, just the next rows ("load more"); with htmx alone, the list. */
    @GetMapping("/inbox")
    String page(JianduPrincipal me, @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) String cursor, Model model, Locale locale,
            HtmxRequest hx) {
        model.addAttribute("page", inbox.list(me.id(), unread, PageSize.DEFAULT, cursor)
                .map(n -> NotificationJson.render(n, messages, locale)));
        model.addAttribute("unread", unread);
        model.addAttribute("unreadCount", inbox.unreadCount(me.id()));
        if (!hx.isHtmx()) {
            return "notification/inbox";
        }
        return cursor != null ? "notification/inbox :: rows" : "notification/inbox :: list";
    }

    @PostMapping("/inbox/{id}/read")
    String markRead(JianduPrincipal me, @PathVariable long id, Model model, Locale locale,
            HttpServletResponse response,
            HtmxRequest hx) {
        inbox.markRead(me.id(), id);
        if (!hx.isHtmx()) {
            return "redirect:/inbox";
        }
        model.addAttribute("n", NotificationJson.render(inbox.find(me.id(), id), messages, locale));
        model.addAttribute("unreadCount", inbox.unreadCount(me.id()));
        response.setHeader(HtmxRequest.TRIGGER, INBOX_CHANGED);
        return "notification/item :: marked";
    }

    @PostMapping("/inbox/read-all")
    String markAllRead(JianduPrincipal me, @RequestParam(defaultValue = "false") boolean unread, Model model,
            Locale locale, HttpServletResponse response, HtmxRequest hx) {
        inbox.markAllRead(me.id());
        if (!hx.isHtmx()) {
            return "redirect:/inbox";
        }
        response.setHeader(HtmxRequest.TRIGGER, INBOX_CHANGED);
        return page(me, unread, null, model, locale, hx);
    }

    /**
     * Opens a notification's link and marks it read on the way: a POST, since it changes state (a GET did, so a
     * prefetch, a crawler or an image tag elsewhere could mark notifications read).
     */
    @PostMapping("/inbox/{id}/open")
    String open(JianduPrincipal me, @PathVariable long id) {
        Notification n = inbox.find(me.id(), id);
        inbox.markRead(me.id(), id);
        return "redirect:" + (n.link() != null ? n.link() : "/inbox");
    }

    /** Just the unread count as text, or nothing when there is none (the layout shows it in a badge). */
    @GetMapping(value = "/inbox/badge", produces = "text/plain;charset=UTF-8")
    @ResponseBody
    String badge(JianduPrincipal me) {
        long count = inbox.unreadCount(me.id());
        if (count == 0) {
            return "";
        }
        return count > BADGE_MAX ? BADGE_MAX + "+" : String.valueOf(count);
    }
}
