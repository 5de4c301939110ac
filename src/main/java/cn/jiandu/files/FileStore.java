package cn.jiandu.files;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.io.Resource;

/**
 * The blob storage port. Guarantees: a committed blob row always has its bytes (written and fsynced before the row
 * is inserted); bytes whose row never committed are swept after a grace period; blobs live under generated names
 * outside any served path. Refusals are {@code shared.Refusal}s: 400 (type not allowed, by content) and 413 (too
 * large). Call {@link #store} and {@link #adopt} inside the caller's transaction: the blob row joins it, so a
 * rolled-back upload leaves no row (and its bytes are swept later).
 */
public interface FileStore {

    /** Streams {@code content} to storage, checking type (by content) and size against {@code policy}. */
    StoredBlob store(InputStream content, FilePolicy policy);

    /**
     * Takes over a fully received staging file (from {@link #newStagingFile()}) by moving it, not copying it, after
     * the same checks as {@link #store}. The staging file is gone afterwards, whatever the outcome.
     */
    StoredBlob adopt(Path stagingFile, FilePolicy policy);

    /**
     * {@link #adopt(Path, FilePolicy)} for a caller that computed the SHA-256 (hex) of the staging file's bytes while
     * writing them (a resumable upload), so the file is not read a second time: only its size and what the content
     * check needs (the head, or the container's directory) are read.
     */
    StoredBlob adopt(Path stagingFile, FilePolicy policy, String sha256);

    /** The largest blob the store accepts ({@code jiandu.files.max-size}), whatever a module's policy allows. */
    long maxBytes();

    /** A new, empty staging file on the same file system as the store, for resumable uploads. */
    Path newStagingFile();

    Optional<StoredBlob> find(long blobId);

    /** The blob's bytes, readable repeatedly and by range (for HTTP Range requests). */
    Resource open(long blobId);

    /** Deletes the row now; the bytes go after commit (or with the sweeper). */
    void delete(long blobId);
}
