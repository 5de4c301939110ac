package cn.jiandu.problem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jiandu.problem.*}: reporting options and the thresholds of the three-colour warnings.
 *
 * @param anonymousAllowed whether a report may be anonymous (off by default: real name is the rule)
 * @param defaultDeadlineDays working days given on manual dispatch when the admin names none
 * @param maxPhotos photos per report
 * @param maxPhotoBytes size limit per photo
 * @param blueAfterWorkingDays blue when not accepted within this many working days of dispatch
 * @param yellowWithinWorkingDays yellow when due within this many working days
 * @param yellowReopens yellow when reopened at least this often
 * @param redExtensionRequests red when more than this many extension requests
 * @param redDissatisfied red when rated 不满意 at least this often
 * @param autoCloseDays days after the reply without a rating before it closes as 未评价
 */
@ConfigurationProperties("jiandu.problem")
public record ProblemProperties(@DefaultValue("false") boolean anonymousAllowed,
        @DefaultValue("5") int defaultDeadlineDays, @DefaultValue("9") int maxPhotos,
        @DefaultValue("10485760") long maxPhotoBytes, @DefaultValue("3") int blueAfterWorkingDays,
        @DefaultValue("1") int yellowWithinWorkingDays, @DefaultValue("1") int yellowReopens,
        @DefaultValue("2") int redExtensionRequests, @DefaultValue("2") int redDissatisfied,
        @DefaultValue("7") int autoCloseDays) {
}
