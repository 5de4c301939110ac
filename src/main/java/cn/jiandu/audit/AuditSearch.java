package cn.jiandu.audit;

import java.time.OffsetDateTime;

/**
 * Filters of an audit search; every one optional. {@code actor} is a username or a user id, {@code action} matches
 * exactly or as a prefix ({@code user.} finds every user action), {@code from} inclusive, {@code to} exclusive.
 */
public record AuditSearch(String actor, String action, String targetType, String targetId, OffsetDateTime from,
        OffsetDateTime to) {

    public static AuditSearch none() {
        return new AuditSearch(null, null, null, null, null, null);
    }
}
