package cn.jiandu.sharing.domain;

import java.time.Instant;

/**
 * A folder. {@code kind} is ROOT for a space's root, a {@link cn.jiandu.sharing.FolderKind} name for a standard
 * folder, null otherwise; {@code area} is the kind of the standard folder it lives under.
 */
public record Folder(long id, long spaceId, Long parentId, String name, String kind, String area, Long ownerId,
        Long dutyPeriodId, Instant updatedAt, Instant deletedAt) {

    public static final String ROOT = "ROOT";

    public boolean isRoot() {
        return ROOT.equals(kind);
    }

    /** Standard folders (and the root) are maintained by the admin only. */
    public boolean isStandard() {
        return kind != null;
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
