package cn.jiandu.problem;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a report means for its reporter's ledger, read from the problem module's own record (the ledger keeps its
 * figures from {@link ProblemReported} and {@link ProblemClosed} and checks them against this every night).
 * Anonymous and withdrawn reports count in no one's ledger and are not returned.
 */
public interface ProblemFacts {

    /**
     * @param transferred moved to the discipline office as a problem clue (问题线索移交)
     * @param resolved    rectified and closed (rated or closed unrated after the rating period)
     * @param satisfied   rated 满意 or 基本满意
     * @param overdue     replied after its deadline, or still at the unit past it
     * @param reopened    reopened at least once after a 不满意 rating
     */
    record Fact(long problemId, String number, long reporterId, String categoryCode, Instant reportedAt,
            boolean transferred, boolean resolved, boolean satisfied, boolean overdue, boolean reopened) {
    }

    Optional<Fact> find(long problemId);

    /** Every counted report made in [from, to), ordered by id. */
    List<Fact> reportedBetween(Instant from, Instant to);
}
