package cn.jiandu.sharing.domain;

import cn.jiandu.files.FileKind;
import java.time.Instant;

/** A file in a folder: its current version's blob, its owner, and whether it sits in the recycle bin. */
public record Entry(long id, long spaceId, long folderId, String name, long ownerId, long blobId, long size,
        String sha256, String contentType, FileKind kind, int versionNo, Instant createdAt, Instant updatedAt,
        Instant deletedAt, Long deletedBy, int lockVersion) {

    public boolean deleted() {
        return deletedAt != null;
    }

    /** Images, PDF and MP4 may be shown inline; everything else is only ever an attachment. */
    public boolean previewable() {
        return kind.isImage() || kind == FileKind.PDF || kind == FileKind.MP4;
    }
}
