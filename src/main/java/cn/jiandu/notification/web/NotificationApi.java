package cn.jiandu.notification.web;

import cn.jiandu.notification.domain.JdbcInbox;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.paging.PageSize;
import cn.jiandu.shared.security.JianduPrincipal;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications; nobody reads another's (404). */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "notification", description = "站内消息 in-app inbox")
class NotificationApi {

    private final JdbcInbox inbox;
    private final MessageSource messages;

    NotificationApi(JdbcInbox inbox, MessageSource messages) {
        this.inbox = inbox;
        this.messages = messages;
    }

    @GetMapping
    CursorPage<NotificationJson> list(JianduPrincipal me, @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String cursor,
            Locale locale) {
        return inbox.list(me.id(), unread, PageSize.of(size), cursor)
                .map(n -> NotificationJson.render(n, messages, locale));
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void markRead(JianduPrincipal me, @PathVariable long id) {
        inbox.markRead(me.id(), id);
    }

    @PostMapping("/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void markAllRead(JianduPrincipal me) {
        inbox.markAllRead(me.id());
    }
}
