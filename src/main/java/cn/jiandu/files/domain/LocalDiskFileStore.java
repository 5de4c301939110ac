package cn.jiandu.files.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.files.FileKind;
import cn.jiandu.files.FilePolicy;
import cn.jiandu.files.FileStore;
import cn.jiandu.files.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The local-disk backend. Order of a store: bytes to a staging file (hashed and counted on the way, refused as soon as
 * they pass the limit) → kind detected from the content → fsync → atomic move to a generated name → fsync of the
 * directory → row inserted in the caller's transaction. So a committed row always has its bytes; bytes whose row
 * never commits are left to {@link BlobSweeper}.
 */
@Service
class LocalDiskFileStore implements FileStore {

    private static final HexFormat HEX = HexFormat.of();
    private final JdbcClient jdbc;
    private final FilesProperties props;
    private final Clock clock;

    LocalDiskFileStore(JdbcClient jdbc, FilesProperties props, Clock clock) throws IOException {
        this.jdbc = jdbc;
        this.props = props;
        this.clock = clock;
        Files.createDirectories(props.root());
        Files.createDirectories(props.staging());
    }

    @Override
    public StoredBlob store(InputStream content, FilePolicy policy) {
        Path staging = newStagingFile();
        try {
            long limit = limit(policy);
            MessageDigest sha = sha256();
            long size = 0;
            try (InputStream in = new DigestInputStream(content, sha);
                    OutputStream out = Files.newOutputStream(staging, StandardOpenOption.WRITE)) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) > 0; ) {
                    size += n;
                    if (size > limit) {
                        throw tooLarge();
                    }
                    out.write(buf, 0, n);
                }
            }
            return commit(staging, policy, HEX.formatHex(sha.digest()), size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(staging);
        }
    }

    @Override
    public StoredBlob adopt(Path stagingFile, FilePolicy policy) {
        return adopt(stagingFile, policy, null);
    }

    @Override
    public StoredBlob adopt(Path stagingFile, FilePolicy policy, String sha256) {
        try {
            Path file = stagingFile.toAbsolutePath().normalize();
            if (!file.startsWith(props.staging().toAbsolutePath().normalize()) || !Files.isRegularFile(file)) {
                throw new IllegalArgumentException("not a staging file: " + stagingFile);
            }
            long size = Files.size(file);
            if (size > limit(policy)) {
                throw tooLarge();
            }
            String sha = sha256;
            if (sha == null) {
                MessageDigest digest = sha256();
                try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                sha = HEX.formatHex(digest.digest());
            } else if (!sha.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("not a SHA-256 in hex: " + sha);
            }
            return commit(file, policy, sha, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(stagingFile);
        }
    }

    @Override
    public long maxBytes() {
        return props.maxSize().toBytes();
    }

    @Override
    public Path newStagingFile() {
        try {
            return Files.createTempFile(props.staging(), "up-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<StoredBlob> find(long blobId) {
        return jdbc.sql("SELECT id, sha256, size_bytes, kind, content_type FROM blob WHERE id = :id")
                .param("id", blobId)
                .query((rs, i) -> new StoredBlob(rs.getLong("id"), rs.getString("sha256").trim(),
                        rs.getLong("size_bytes"), FileKind.valueOf(rs.getString("kind")),
                        rs.getString("content_type")))
                .optional();
    }

    @Override
    public Resource open(long blobId) {
        String key = storageKey(blobId).orElseThrow(Refusal::notFound);
        return new FileSystemResource(props.root().resolve(key));
    }

    @Override
    public void delete(long blobId) {
        Optional<String> key = storageKey(blobId);
        if (key.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM blob WHERE id = :id").param("id", blobId).update();
        Path file = props.root().resolve(key.get());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deleteQuietly(file);
                }
            });
        } else {
            deleteQuietly(file);
        }
    }

    private StoredBlob commit(Path staging, FilePolicy policy, String sha256, long size) throws IOException {
        ContentSniffer.Detected detected = ContentSniffer.detect(staging)
                .filter(d -> accepts(policy, d.kind()))
                .orElseThrow(() -> Refusal.invalidField("file", "files.error.type"));
        force(staging, false);
        String key = newStorageKey();
        Path target = props.root().resolve(key);
        Files.createDirectories(target.getParent());
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        // the sweeper's grace period runs from here, not from the (possibly long) upload
        Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
        force(target.getParent(), true);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO blob (storage_key, sha256, size_bytes, kind, content_type, created_at)
                        VALUES (:key, :sha, :size, :kind, :type, :at)""")
                .param("key", key).param("sha", sha256).param("size", size)
                .param("kind", detected.kind().name()).param("type", detected.contentType())
                .param("at", Timestamp.from(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        return new StoredBlob(id, sha256, size, detected.kind(), detected.contentType());
    }

    /** WPS Office binaries cannot be told from Office 97–2003 ones by content (see {@link ContentSniffer}). */
    static boolean accepts(FilePolicy policy, FileKind kind) {
        if (kind == FileKind.LEGACY_OFFICE) {
            return policy.allowed().contains(FileKind.LEGACY_OFFICE) || policy.allowed().contains(FileKind.WPS);
        }
        return policy.allowed().contains(kind);
    }

    private long limit(FilePolicy policy) {
        return Math.min(policy.maxBytes(), maxBytes());
    }

    private static Refusal tooLarge() {
        return Refusal.tooLarge("files.error.tooLarge");
    }

    /** Two levels of directories from a random UUID, so no directory grows past a few thousand entries. */
    private static String newStorageKey() {
        String name = UUID.randomUUID().toString();
        return name.substring(0, 2) + "/" + name.substring(2, 4) + "/" + name;
    }

    Optional<String> storageKey(long blobId) {
        return jdbc.sql("SELECT storage_key FROM blob WHERE id = :id").param("id", blobId).query(String.class)
                .optional();
    }

    private static void force(Path path, boolean directory) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            if (!directory) {
                throw e;
            }
            // some platforms cannot open a directory for fsync; the file itself is already durable
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left for the sweeper
        }
    }
}
