package cn.jiandu.training;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jiandu.training.*}.
 *
 * @param onboardingWorkingDays working days a new supervisor has for his 五个一 (from the first day of the term)
 * @param codeRotation how often the projector's sign-in code changes
 * @param codeGrace how long a code stays valid after the next one appeared (time to scan and send)
 * @param signInOpensBefore sign-in opens this long before the start
 * @param lateAfter a sign-in later than the start plus this counts as 迟到 (LATE)
 * @param reminderCron when overdue onboarding items are reminded (daily)
 * @param onboardingForImported open a 五个一 checklist for imported appointments too (people who held the role
 *                              before the register existed; off: they are not new supervisors)
 */
@ConfigurationProperties("jiandu.training")
public record TrainingProperties(@DefaultValue("30") int onboardingWorkingDays,
        @DefaultValue("30s") Duration codeRotation, @DefaultValue("15s") Duration codeGrace,
        @DefaultValue("30m") Duration signInOpensBefore, @DefaultValue("10m") Duration lateAfter,
        @DefaultValue("0 0 9 * * *") String reminderCron, @DefaultValue("false") boolean onboardingForImported) {
}
