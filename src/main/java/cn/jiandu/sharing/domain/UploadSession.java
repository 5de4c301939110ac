package cn.jiandu.sharing.domain;

import java.nio.file.Path;
import java.time.Instant;

/** A resumable upload in progress: bytes land in a staging file; nothing is in a folder until the last byte. */
public record UploadSession(String id, long userId, long folderId, String name, long length, long offset,
        Path staging, Instant expiresAt) {
}
