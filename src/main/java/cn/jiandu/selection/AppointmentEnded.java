package cn.jiandu.selection;

import cn.jiandu.shared.security.Role;
import java.time.LocalDate;

/**
 * An appointment ended: the term ran out, or the person was dismissed (免职/解聘) or resigned early. The person no
 * longer holds the supervisor role of that type (unless another current appointment gives it).
 */
public record AppointmentEnded(long appointmentId, long userId, Role type, LocalDate endedOn, EndReason reason) {

    public enum EndReason {
        /** The term ran out. */
        TERM_OVER,
        /** 免职: removed from office by the office. */
        DISMISSED,
        /** 解聘: the appointment was terminated (e.g. left the company). */
        TERMINATED,
        /** 辞任: the person stepped down. */
        RESIGNED
    }
}
