package cn.jiandu.notification.outbox;

import java.time.Instant;

/** One outgoing message to one target. {@code digestOf} is set when it was sent folded into a digest of that many. */
public record OutboxMessage(long id, String kind, String target, String subject, String body, OutboxStatus status,
        int attempts, Instant nextAttemptAt, String lastError, Integer digestOf, Instant createdAt, Instant sentAt) {
}
