package cn.jiandu.selection.domain;

import cn.jiandu.selection.NominationStatus;
import cn.jiandu.shared.security.Role;
import java.time.Instant;
import java.time.LocalDate;

/** A nomination as stored: the candidate, the recommendation meeting, where it stands in its chain version. */
public record Nomination(long id, String number, long candidateId, Role type, long scopeUnitId, Long scopeBranchId,
        long nominatorId, LocalDate meetingDate, int present, int votesFor, int votesAgainst, int abstentions,
        String reason, Long minutesBlobId, int chainVersion, NominationStatus status, int currentStep, int maxStep,
        Role ownerRole, Long ownerUnitId, Long assigneeId, Instant stepSince, LocalDate stepDueOn,
        Instant submittedAt, Instant decidedAt, Long appointmentId, int version) {
}
