package cn.jiandu.training.domain;

import cn.jiandu.shared.security.Role;
import cn.jiandu.training.SessionKind;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A planned training session with the audience as planned (the invitees it resolved to are rows of their own). */
public record TrainingSession(long id, SessionKind kind, String title, Instant startsAt, Instant endsAt, String place,
        boolean online, long organiserId, long ownerUnitId, Set<Role> audienceTypes, List<Long> audienceUnitIds,
        List<Long> audienceUserIds, List<Long> materialFileIds, Long examId, String description, long createdBy) {

    /** Sign-in is open from {@code opensBefore} ahead of the start until the end. */
    public boolean signInOpenAt(Instant now, java.time.Duration opensBefore) {
        return !now.isBefore(startsAt.minus(opensBefore)) && !now.isAfter(endsAt);
    }

    public boolean started(Instant now) {
        return !now.isBefore(startsAt);
    }

    public boolean ended(Instant now) {
        return now.isAfter(endsAt);
    }
}
