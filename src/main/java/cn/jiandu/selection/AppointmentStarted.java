package cn.jiandu.selection;

import cn.jiandu.shared.security.Role;
import java.time.LocalDate;

/**
 * A person took office as a supervisor: the last step of the seven-step procedure approved him, or an existing role
 * holder was imported into the register. Published after the appointment is stored; training opens his 五个一
 * checklist from it, the ledger starts his rows.
 *
 * @param appointmentId the appointment ({@link AppointmentView#id()})
 * @param userId        the person appointed
 * @param type          the supervisor type: {@link Role#BRANCH_INSPECTOR}, {@link Role#TEAM_SUPERVISOR} or
 *                      {@link Role#GRID_SUPERVISOR}
 * @param scopeUnitId   the org unit he supervises
 * @param startsOn      first day of the term
 * @param endsOn        last day of the term as appointed
 * @param origin        how it came about
 */
public record AppointmentStarted(long appointmentId, long userId, Role type, long scopeUnitId, LocalDate startsOn,
        LocalDate endsOn, AppointmentOrigin origin) {
}
