/**
 * 组织链: selecting supervisors by the seven-step procedure (七步法), appointment (聘任), the 授证 certificate with
 * QR verification, the supervisor register and coverage. Publishes {@link cn.jiandu.selection.AppointmentStarted}
 * and {@link cn.jiandu.selection.AppointmentEnded}; other modules read the register through
 * {@link cn.jiandu.selection.Appointments}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "org", "identity", "audit", "files", "calendar", "notification"})
package cn.jiandu.selection;
