/**
 * 履职成效记录台账: the performance ledger per supervisor (an appointment) and period, filled by itself from the
 * other modules' events (problems, exams, appointments, duty materials, selected cases) and their read facades
 * (duty timeliness, training attendance, talks and 五个一), with the office's findings (指出问题) and
 * rectification suggestions (整改建议). Assessment reads it through {@link cn.jiandu.ledger.Ledger}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "org", "identity", "audit", "calendar", "notification", "selection",
                "problem", "exam", "sharing", "training"})
package cn.jiandu.ledger;
