package cn.jiandu.audit;

import java.time.OffsetDateTime;

/**
 * One entry of the audit trail as read back for search. {@code actorProtected}: the actor is a protected person
 * ({@link ProtectedActors}); actor and address are then null.
 */
public record AuditEntryView(long id, OffsetDateTime occurredAt, Long actorId, String actorName, String action,
        String targetType, String targetId, String address, Outcome outcome, String detail, boolean actorProtected) {
}
