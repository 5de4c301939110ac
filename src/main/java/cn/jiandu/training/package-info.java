/**
 * 制度链 — growing supervisors: 五个一 onboarding opened by {@link cn.jiandu.selection.AppointmentStarted} and
 * completed from attendance and from {@link cn.jiandu.exam.ExamGraded}, training sessions (培训) with signed,
 * expiring sign-in codes, attendance and its export, each person's training record. Publishes
 * {@link cn.jiandu.training.AttendanceRecorded} and {@link cn.jiandu.training.OnboardingCompleted}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "org", "identity", "audit", "files", "calendar", "notification",
                "selection", "exam"})
package cn.jiandu.training;
