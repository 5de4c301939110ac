package cn.jiandu.assessment.domain;

import java.time.Instant;

/** A stored scheme: its definition and where it stands. {@code supersededBy} is set once a newer version exists. */
public record Scheme(long id, int version, SchemeDefinition definition, Long supersededBy, boolean inUse,
        Instant updatedAt) {
}
