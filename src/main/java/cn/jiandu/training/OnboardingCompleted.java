package cn.jiandu.training;

import java.time.Instant;

/**
 * The fifth item of a new supervisor's 五个一 checklist was done.
 *
 * @param appointmentId the appointment that opened the checklist
 * @param onTime        completed by the due time
 */
public record OnboardingCompleted(long appointmentId, long userId, Instant completedAt, boolean onTime) {
}
