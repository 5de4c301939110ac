package cn.jiandu.audit;

import java.time.OffsetDateTime;

/** One entry of the audit trail as read back for search. */
public record AuditEntryView(long id, OffsetDateTime occurredAt, Long actorId, String actorName, String action,
        String targetType, String targetId, String address, Outcome outcome, String detail) {
}
