package cn.jiandu.problem;

import cn.jiandu.shared.security.JianduPrincipal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a warning-education case (the training module's 警示教育案例) may take from a report that was closed after
 * rectification, and whether someone may follow a link back to a report. Names are not part of the text returned
 * here beyond what the people wrote; {@link ClosedProblem#peopleIds()} says who took part, so that the caller can
 * remove their names.
 */
public interface ClosedProblems {

    /**
     * @param rectification the handling unit's replies (what was done), oldest first
     * @param peopleIds     the reporter and everyone who acted on the report
     */
    record ClosedProblem(long problemId, String number, ProblemStatus status, CloseReason closeReason,
            String categoryCode, String categoryName, String title, String description, String location,
            List<String> rectification, Instant closedAt, Set<Long> peopleIds) {

        /** Closed after rectification: rated or closed unrated, not withdrawn. */
        public boolean closedAfterRectification() {
            return status == ProblemStatus.CLOSED && closeReason != CloseReason.WITHDRAWN;
        }
    }

    Optional<ClosedProblem> find(long problemId);

    /** Whether {@code me} may read the report (the problem module's own visibility rule). */
    boolean mayRead(JianduPrincipal me, long problemId);
}
