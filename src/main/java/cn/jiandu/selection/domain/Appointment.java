package cn.jiandu.selection.domain;

import cn.jiandu.selection.AppointmentEnded.EndReason;
import cn.jiandu.selection.AppointmentOrigin;
import cn.jiandu.selection.AppointmentView;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.Role;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One appointment (聘任) as stored. {@code endedOn} is the first day out of office: the day after {@code termEnd}
 * when the term ran out, the day the office gave when it ended early.
 */
public record Appointment(long id, String number, long userId, Role type, long scopeUnitId, LocalDate termStart,
        LocalDate termEnd, LocalDate endedOn, EndReason endReason, String endNote, AppointmentOrigin origin,
        Long nominationId, boolean termConfirmed, Instant createdAt, int version) {

    /** 在任 / 已期满 / 已解聘 (免职, 解聘 and 辞任 all end it early). */
    public enum Status {
        ACTIVE, EXPIRED, ENDED;

        public String messageKey() {
            return "appointment.status." + name();
        }
    }

    /** The status on {@code today}; a term run out that the daily job has not closed yet already counts as over. */
    public Status status(LocalDate today) {
        if (endedOn != null) {
            return endReason == EndReason.TERM_OVER ? Status.EXPIRED : Status.ENDED;
        }
        return today.isAfter(termEnd) ? Status.EXPIRED : Status.ACTIVE;
    }

    public boolean ended() {
        return endedOn != null;
    }

    /**
     * Checks that the office may end it from {@code endDate} on for {@code reason}: not already ended, and the day
     * lies within the term (its first day to the day after its last) and not after today (the role goes at once).
     */
    void checkEnd(EndReason reason, LocalDate endDate, LocalDate today) {
        if (ended()) {
            throw Refusal.conflict("appointment.error.alreadyEnded");
        }
        if (reason != EndReason.TERM_OVER && (endDate == null || endDate.isBefore(termStart)
                || endDate.isAfter(termEnd.plusDays(1)) || endDate.isAfter(today))) {
            throw Refusal.invalidField("endDate", "appointment.error.endDateOutsideTerm");
        }
    }

    public AppointmentView view() {
        return new AppointmentView(id, number, userId, type, scopeUnitId, termStart, termEnd, endedOn, origin);
    }
}
