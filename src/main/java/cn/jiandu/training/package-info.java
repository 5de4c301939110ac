/**
 * 制度链 — growing supervisors: 五个一 onboarding opened by {@link cn.jiandu.selection.AppointmentStarted} and
 * completed from attendance and from {@link cn.jiandu.exam.ExamGraded}, training sessions (培训) with signed,
 * expiring sign-in codes, attendance and its export, each person's training record, excellent cases (优秀案例) and
 * warning-education cases drafted from closed reports (read through {@link cn.jiandu.problem.ClosedProblems}),
 * published into every space's 工作亮点 through {@link cn.jiandu.sharing.SharedPublishing}. Publishes
 * {@link cn.jiandu.training.AttendanceRecorded}, {@link cn.jiandu.training.OnboardingCompleted} and
 * {@link cn.jiandu.training.CaseSelected}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "org", "identity", "audit", "files", "calendar", "notification",
                "selection", "exam", "problem", "sharing"})
package cn.jiandu.training;
