package cn.jiandu.files;

/** A stored blob's row: id, SHA-256 (hex), size in bytes, detected kind and its MIME type. */
public record StoredBlob(long id, String sha256, long size, FileKind kind, String contentType) {
}
