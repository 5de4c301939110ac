package cn.jiandu.sharing.domain;

import cn.jiandu.files.FileKind;
import java.time.Instant;

public record Version(long entryId, int versionNo, long blobId, long size, String sha256, String contentType,
        FileKind kind, long uploadedBy, Instant createdAt) {
}
