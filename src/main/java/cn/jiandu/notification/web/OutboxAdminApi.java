package cn.jiandu.notification.web;

import cn.jiandu.notification.outbox.OutboxMessage;
import cn.jiandu.notification.outbox.OutboxStatus;
import cn.jiandu.notification.outbox.OutboxStore;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.paging.PageSize;
import cn.jiandu.shared.time.ClockConfig;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admin's view of outgoing messages (email, 企业微信, 钉钉), above all the FAILED ones, and their retry. */
@RestController
@RequestMapping("/api/v1/admin/outbox")
@Tag(name = "notification", description = "站内消息 in-app inbox and the outbox of outgoing messages")
@PreAuthorize("hasAuthority('notification:outbox')")
class OutboxAdminApi {

    private final OutboxStore store;
    private final Clock clock;

    OutboxAdminApi(OutboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Outgoing messages, newest first",
            description = "status: PENDING (waiting for an attempt), SENDING (claimed by a node), SENT, FAILED "
                    + "(gave up after jiandu.notification.outbox.max-attempts; retry it with POST …/{id}/retry). "
                    + "digestOf: the message went out folded into one digest of that many (the target's rate "
                    + "was used up). Texts are neutral: never a reporter's identity or a clue's content.")
    CursorPage<OutboxJson> list(@RequestParam(required = false) OutboxStatus status,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String cursor) {
        return store.list(status, PageSize.of(size), cursor).map(OutboxJson::of);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Send a FAILED message again (attempts start from 0); 409 for any other status")
    OutboxJson retry(@PathVariable long id) {
        return OutboxJson.of(store.retry(id, clock.instant()));
    }

    record OutboxJson(String id, String kind, String target, OutboxStatus status, int attempts,
            OffsetDateTime nextAttemptAt, String lastError, Integer digestOf, String text, OffsetDateTime createdAt,
            OffsetDateTime sentAt) {

        static OutboxJson of(OutboxMessage m) {
            return new OutboxJson(String.valueOf(m.id()), m.kind(), m.target(), m.status(), m.attempts(),
                    at(m.nextAttemptAt()), m.lastError(), m.digestOf(), m.body(), at(m.createdAt()), at(m.sentAt()));
        }

        private static OffsetDateTime at(Instant i) {
            return i == null ? null : i.atZone(ClockConfig.ZONE).toOffsetDateTime();
        }
    }
}
