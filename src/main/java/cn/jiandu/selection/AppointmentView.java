package cn.jiandu.selection;

import cn.jiandu.shared.security.Role;
import java.time.LocalDate;

/**
 * An appointment as other modules see it.
 *
 * @param number  the official number, e.g. {@code JDPR-2026-0007}
 * @param endedOn the day it ended early or by term, null while in office
 */
public record AppointmentView(long id, String number, long userId, Role type, long scopeUnitId, LocalDate startsOn,
        LocalDate endsOn, LocalDate endedOn, AppointmentOrigin origin) {

    /** In office on that day. */
    public boolean activeOn(LocalDate day) {
        return !day.isBefore(startsOn) && (endedOn == null || day.isBefore(endedOn)) && !day.isAfter(endsOn);
    }
}
