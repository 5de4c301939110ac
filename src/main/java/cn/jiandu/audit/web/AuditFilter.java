package cn.jiandu.audit.web;

import cn.jiandu.audit.AuditSearch;
import cn.jiandu.shared.web.ApiException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The search parameters shared by the API and the page. {@code from}/{@code to} take an ISO-8601 instant with
 * offset or a date (the page's date pickers); a date {@code to} includes that whole day.
 */
record AuditFilter(String actor, String action, String targetType, String targetId, String from, String to) {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    AuditSearch toSearch() {
        return new AuditSearch(actor, action, targetType, targetId, instant("from", from, false),
                instant("to", to, true));
    }

    private static OffsetDateTime instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZONE).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw ApiException.invalidField(field, "audit.error.time");
            }
        }
    }
}
