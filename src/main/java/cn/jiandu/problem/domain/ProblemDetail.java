package cn.jiandu.problem.domain;

import cn.jiandu.problem.CloseReason;
import cn.jiandu.problem.ProblemAction;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.Rating;
import cn.jiandu.problem.Warning;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * A report with its photos and timeline, as the caller may see it. There is no reporter field at all: the discipline
 * office reads him through the audited {@code /reporter} endpoint. {@code transferProposedAt}: the handling unit's
 * clue-transfer proposal waiting for the office (shown to the office, the leaders and the unit only, else null).
 * {@code position}: the reporter's shared geolocation, for the reporter and the discipline office only (else null;
 * handlers read the place text {@code location}).
 */
public record ProblemDetail(String id, String number, String title, String description, String location,
        String categoryCode, String categoryName, String orgUnitId, String orgUnitName, ProblemStatus status,
        String handlingUnitId, String handlingUnitName, boolean anonymous, OffsetDateTime createdAt,
        OffsetDateTime dispatchedAt, OffsetDateTime acceptedAt, OffsetDateTime dueAt, OffsetDateTime repliedAt,
        OffsetDateTime closedAt, CloseReason closeReason, Rating rating, String ratingComment, int reopenCount,
        int extensionRequests, Integer pendingExtensionDays, OffsetDateTime transferProposedAt, int urgeCount, Warning warning, boolean mine,
        boolean canRate, Set<ProblemAction> allowedActions, List<Photo> photos, List<TimelineEntry> timeline,
        Position position) {

    /** A photo; {@code stepId} is set for evidence attached to a reply. */
    public record Photo(String id, String stepId, String url, String thumbUrl) {
    }

    /**
     * A step; {@code actorName} is null for the reporter (shown as 反映人) and for the system; {@code rating} is the
     * grade of a RATE step (every round: a 不满意 that reopened, then the last one), null for other steps.
     */
    public record TimelineEntry(String id, String action, String side, String actorName, String comment,
            String handlingUnitName, OffsetDateTime at, Rating rating) {
    }
}
