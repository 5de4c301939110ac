package cn.jiandu.training;

import java.time.Instant;

/**
 * An excellent case (优秀案例) was selected: for a quarter's exchange meeting or by being published, whichever came
 * first; published once per case. The ledger counts it as 优秀案例入选 for its author.
 *
 * @param meetingId the exchange meeting, or null when selected by publishing without one
 */
public record CaseSelected(long caseId, long authorId, Long meetingId, Instant selectedAt) {
}
