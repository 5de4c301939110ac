package cn.jiandu.assessment.domain;

import cn.jiandu.assessment.AdmonitionStatus;
import cn.jiandu.shared.Refusal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * 约谈 record of one 不合格 result, and the moves allowed from each state: SCHEDULE (again, to move the date) while
 * not yet held; HOLD once scheduled, with the held date, the summary and the agreed follow-up; CHECK_FOLLOW_UP once
 * held; CLOSE only after the follow-up was checked.
 */
public record Admonition(long id, long runId, long appointmentId, long userId, long unitId, String period,
        AdmonitionStatus status, LocalDate scheduledOn, LocalDate heldOn, String summary, String followUp,
        LocalDate followUpCheckedOn, String followUpCheck, Instant createdAt, Instant updatedAt) {

    public Admonition schedule(LocalDate on) {
        if (status != AdmonitionStatus.OPEN && status != AdmonitionStatus.SCHEDULED) {
            throw Refusal.conflict("assessment.admonition.error.notSchedulable");
        }
        required(on, "date");
        return with(AdmonitionStatus.SCHEDULED, on, heldOn, summary, followUp, followUpCheckedOn, followUpCheck);
    }

    public Admonition hold(LocalDate on, String text, String agreed, LocalDate today) {
        if (status != AdmonitionStatus.SCHEDULED) {
            throw Refusal.conflict("assessment.admonition.error.notScheduled");
        }
        required(on, "date");
        if (on.isAfter(today)) {
            throw Refusal.invalidField("date", "assessment.admonition.error.future");
        }
        return with(AdmonitionStatus.HELD, scheduledOn, on, text(text, "summary", 4000), text(agreed, "followUp", 2000),
                followUpCheckedOn, followUpCheck);
    }

    public Admonition checkFollowUp(LocalDate on, String note, LocalDate today) {
        if (status != AdmonitionStatus.HELD) {
            throw Refusal.conflict("assessment.admonition.error.notHeld");
        }
        required(on, "date");
        if (on.isBefore(heldOn) || on.isAfter(today)) {
            throw Refusal.invalidField("date", "assessment.admonition.error.checkDate");
        }
        return with(status, scheduledOn, heldOn, summary, followUp, on, text(note, "summary", 2000));
    }

    public Admonition close() {
        if (status != AdmonitionStatus.HELD || followUpCheckedOn == null) {
            throw Refusal.conflict("assessment.admonition.error.notChecked");
        }
        return with(AdmonitionStatus.CLOSED, scheduledOn, heldOn, summary, followUp, followUpCheckedOn,
                followUpCheck);
    }

    private Admonition with(AdmonitionStatus s, LocalDate sched, LocalDate held, String sum, String fu,
            LocalDate checkedOn, String check) {
        return new Admonition(id, runId, appointmentId, userId, unitId, period, s, sched, held, sum, fu, checkedOn,
                check, createdAt, updatedAt);
    }

    private static void required(LocalDate d, String field) {
        if (d == null) {
            throw Refusal.invalidField(field, "error.required");
        }
    }

    private static String text(String s, String field, int max) {
        if (s == null || s.isBlank()) {
            throw Refusal.invalidField(field, "error.required");
        }
        if (s.length() > max) {
            throw Refusal.invalidField(field, "assessment.admonition.error.tooLong", max);
        }
        return s.strip();
    }
}
