package cn.jiandu.training;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person's attendance of a training session was recorded or changed: he signed in with the code (PRESENT or
 * LATE), registered a leave, or the organiser marked him by hand. Published in the transaction that stores it; the
 * ledger counts warning-education and training attendance from it. A later event for the same session and person
 * replaces the earlier one.
 *
 * @param sessionDate the day the session started (China Standard Time)
 * @param recordedAt  when the sign-in (or the marking) happened
 * @param byHand      true when the organiser marked it
 */
public record AttendanceRecorded(long sessionId, long userId, SessionKind kind, AttendanceStatus status,
        LocalDate sessionDate, Instant recordedAt, boolean byHand) {
}
