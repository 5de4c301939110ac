package cn.jiandu.sharing.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.files.FileStore;
import cn.jiandu.files.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tus 1.0 core protocol's state, hand-written (the Java tus server libraries are javax-era): a session row per
 * upload, bytes appended straight to a staging file of the file store with constant memory and hashed on the way
 * ({@link UploadDigests}), the offset saved after every chunk (also when the connection breaks), one PATCH at a time
 * per upload (a lease in the row, not a lock held over a slow request), and the blob adopted and placed only when the
 * last byte arrived.
 */
@Service
public class ResumableUploads {

    private static final int BUFFER = 64 * 1024;
    private static final HexFormat HEX = HexFormat.of();
    /** A PATCH renews its lease at least this often while bytes arrive. */
    static final Duration RENEW_EVERY = Duration.ofSeconds(10);
    /**
     * A lease older than this belonged to a request that died with its node; longer than Tomcat's read timeout (60 s
     * by default), so a request still blocked in a read gives its lease back (or is cut off) before it is taken over.
     */
    static final Duration LEASE_STALE = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final Guard guard;
    private final SharingService sharing;
    private final FolderRepository folders;
    private final FileStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final SharingProperties props;
    private final TransactionTemplate tx;
    private final UploadDigests digests;

    ResumableUploads(JdbcClient jdbc, Guard guard, SharingService sharing, FolderRepository folders, FileStore store,
            AuditTrail audit, Clock clock, SharingProperties props, TransactionTemplate tx, UploadDigests digests) {
        this.digests = digests;
        this.jdbc = jdbc;
        this.guard = guard;
        this.sharing = sharing;
        this.folders = folders;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.props = props;
        this.tx = tx;
    }

    /** The largest resumable upload: the module's limit, or the file store's ceiling if that is lower. */
    public long maxSize() {
        return Math.min(props.maxResumableBytes(), store.maxBytes());
    }

    public UploadSession create(Caller me, long folderId, String name, long length) {
        if (length < 0) {
            throw Refusal.invalidField("Upload-Length", "error.invalidValue");
        }
        Folder folder = guard.folder(me, folderId);
        sharing.admit(me, folder, name, length, maxSize());
        Path staging = store.newStagingFile();
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Instant expires = now.plus(props.uploadExpiry());
        jdbc.sql("""
                INSERT INTO sharing_upload (id, user_id, folder_id, name, upload_length, upload_offset, staging_path,
                                            created_at, expires_at)
                VALUES (:id, :u, :f, :n, :l, 0, :p, :t, :e)""")
                .param("id", id).param("u", me.id()).param("f", folderId).param("n", Names.check(name))
                .param("l", length).param("p", staging.toString()).param("t", Rows.ts(now))
                .param("e", Rows.ts(expires)).update();
        return find(me, id);
    }

    /** The caller's own live session, or 404. */
    public UploadSession find(Caller me, String id) {
        UploadSession s = jdbc.sql("SELECT * FROM sharing_upload WHERE id = :id").param("id", id)
                .query(ResumableUploads::map).optional().orElseThrow(Refusal::notFound);
        if (s.userId() != me.id() || s.expiresAt().isBefore(clock.instant())) {
            throw Refusal.notFound();
        }
        return s;
    }

    /** What {@link #append} did: the new offset, and the placed entry once the upload is complete. */
    public record Progress(long offset, Optional<Entry> entry) {
    }

    /**
     * Appends the request body at {@code offset}. A mismatching offset is 409; a PATCH while another one is writing
     * the same upload is 423 (the client asks for the offset again and retries). If the body breaks off, the bytes
     * that arrived are kept and the offset saved, so the client resumes with HEAD + PATCH.
     *
     * <p>The bytes are hashed as they arrive ({@link UploadDigests}), so the completion reads no byte a second time.
     * The offset is saved only for bytes forced to disk; bytes beyond the saved offset (a PATCH that died before
     * saving) are cut off before the next PATCH writes.
     */
    public Progress append(Caller me, String id, long offset, InputStream body) {
        UploadSession s = find(me, id);
        if (offset != s.offset()) {
            throw Refusal.conflict("sharing.error.offsetMismatch", s.offset());
        }
        String lease = claim(me, s);
        Written written = new Written();
        MessageDigest digest = null;
        boolean saved = false;
        boolean complete = false;
        try {
            digest = digests.take(s.id(), s.staging(), offset).orElseThrow(() -> lost(s));
            try (FileChannel ch = FileChannel.open(s.staging(), StandardOpenOption.WRITE)) {
                if (ch.size() < offset) {
                    throw lost(s);
                }
                if (ch.size() > offset) {
                    ch.truncate(offset);
                }
                ch.position(offset);
                try {
                    copy(s, lease, offset, body, ch, digest, written);
                } finally {
                    // the offset is saved only for bytes that are on disk; also when the body broke off, so the
                    // client resumes from there
                    ch.force(false);
                    complete = offset + written.bytes == s.length();
                    saved = saveProgress(s.id(), lease, offset + written.bytes, complete);
                }
            }
            if (!complete) {
                return new Progress(offset + written.bytes, Optional.empty());
            }
            String sha = HEX.formatHex(digest.digest());
            return new Progress(offset + written.bytes, Optional.of(complete(me, s, lease, sha)));
        } catch (NoSuchFileException e) {
            throw lost(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (saved && !complete) {
                digests.keep(s.id(), offset + written.bytes, digest);
            }
            release(s.id(), lease);
        }
    }

    /** How many bytes of this request are written and hashed so far (also known when the copy throws). */
    private static final class Written {
        long bytes;
    }

    /** Copies the body to the channel, hashing it; renews the lease while it writes and stops if it was lost. */
    private void copy(UploadSession s, String lease, long offset, InputStream body, FileChannel ch,
            MessageDigest digest, Written written) throws IOException {
        Instant renewed = clock.instant();
        byte[] buf = new byte[BUFFER];
        int n;
        while ((n = body.read(buf)) > 0) {
            if (offset + written.bytes + n > s.length()) {
                throw Refusal.tooLarge("sharing.error.beyondLength");
            }
            Instant now = clock.instant();
            if (now.isAfter(renewed.plus(RENEW_EVERY))) {
                renew(s.id(), lease, now);
                renewed = now;
            }
            ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
            while (bb.hasRemaining()) {
                ch.write(bb);
            }
            digest.update(buf, 0, n);
            written.bytes += n;
        }
    }

    /**
     * Takes the upload's write lease, or refuses with 423 while another PATCH holds it (409 if the offset moved). A
     * lease not renewed for {@link #LEASE_STALE} belonged to a request that died with its node and is taken over.
     */
    private String claim(Caller me, UploadSession s) {
        String lease = UUID.randomUUID().toString();
        Instant now = clock.instant();
        int claimed = jdbc.sql("""
                        UPDATE sharing_upload SET writer = :lease, writer_seen_at = :now
                        WHERE id = :id AND upload_offset = :o AND (writer IS NULL OR writer_seen_at < :stale)""")
                .param("lease", lease).param("now", Rows.ts(now)).param("id", s.id()).param("o", s.offset())
                .param("stale", Rows.ts(now.minus(LEASE_STALE))).update();
        if (claimed == 1) {
            return lease;
        }
        UploadSession again = find(me, s.id());
        if (again.offset() != s.offset()) {
            throw Refusal.conflict("sharing.error.offsetMismatch", again.offset());
        }
        throw new Refusal(Refusal.Kind.LOCKED, "sharing.error.uploadBusy");
    }

    private void renew(String id, String lease, Instant now) {
        int n = jdbc.sql("UPDATE sharing_upload SET writer_seen_at = :now WHERE id = :id AND writer = :lease")
                .param("now", Rows.ts(now)).param("id", id).param("lease", lease).update();
        if (n == 0) {
            // taken over (this request stalled past the stale time) or cancelled: write nothing more
            throw new Refusal(Refusal.Kind.LOCKED, "sharing.error.uploadBusy");
        }
    }

    /** Saves the offset; keeps the lease through the completion. False if the lease was lost meanwhile. */
    private boolean saveProgress(String id, String lease, long offset, boolean keepLease) {
        return jdbc.sql("""
                        UPDATE sharing_upload SET upload_offset = :o, writer = :writer, writer_seen_at = :seen
                        WHERE id = :id AND writer = :lease""")
                .param("o", offset).param("writer", keepLease ? lease : null)
                .param("seen", keepLease ? Rows.ts(clock.instant()) : null)
                .param("id", id).param("lease", lease).update() == 1;
    }

    private void release(String id, String lease) {
        jdbc.sql("UPDATE sharing_upload SET writer = NULL, writer_seen_at = NULL WHERE id = :id AND writer = :lease")
                .param("id", id).param("lease", lease).update();
    }

    /** Forgets the hash states kept in memory, as a restart does; the next PATCH of each upload rehashes its file. */
    public void forgetHashStates() {
        digests.forgetAll();
    }

    /** The staging file lacks bytes the session counts (or is gone): the upload cannot resume; it starts anew. */
    private Refusal lost(UploadSession s) {
        digests.forget(s.id());
        jdbc.sql("DELETE FROM sharing_upload WHERE id = :id").param("id", s.id()).update();
        deleteQuietly(s.staging());
        audit.recordAs(s.userId(), null, "sharing.upload.lost", "sharing_upload", s.id(), Outcome.FAILURE, s.name());
        return Refusal.notFound();
    }

    /** Adopts the staging file (checked by content and size) and places it, in one transaction. */
    private Entry complete(Caller me, UploadSession s, String lease, String sha256) {
        try {
            return place(me, s, lease, sha256);
        } catch (RuntimeException e) {
            // the staging file is gone whatever adopt() decided: the session cannot resume
            jdbc.sql("DELETE FROM sharing_upload WHERE id = :id").param("id", s.id()).update();
            deleteQuietly(s.staging());
            throw e;
        }
    }

    private Entry place(Caller me, UploadSession s, String lease, String sha256) {
        return tx.execute(status -> {
            Folder folder = guard.folder(me, s.folderId());
            var policy = sharing.admit(me, folder, s.name(), s.length(), maxSize());
            int deleted = jdbc.sql("DELETE FROM sharing_upload WHERE id = :id AND writer = :lease")
                    .param("id", s.id()).param("lease", lease).update();
            if (deleted == 0) {
                throw new Refusal(Refusal.Kind.LOCKED, "sharing.error.uploadBusy");
            }
            StoredBlob blob = store.adopt(s.staging(), policy, sha256);
            return sharing.place(me, folder, s.name(), blob, "sharing.upload");
        });
    }

    public void cancel(Caller me, String id) {
        UploadSession s = find(me, id);
        digests.forget(id);
        jdbc.sql("DELETE FROM sharing_upload WHERE id = :id").param("id", id).update();
        deleteQuietly(s.staging());
    }

    /** Drops expired sessions and their staging files. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @SchedulerLock(name = "sharing.expiredUploads")
    public void scheduledCleanExpired() {
        cleanExpired();
    }

    public int cleanExpired() {
        List<UploadSession> expired = jdbc.sql("SELECT * FROM sharing_upload WHERE expires_at < :t")
                .param("t", Rows.ts(clock.instant())).query(ResumableUploads::map).list();
        for (UploadSession s : expired) {
            jdbc.sql("DELETE FROM sharing_upload WHERE id = :id").param("id", s.id()).update();
            deleteQuietly(s.staging());
            digests.forget(s.id());
            audit.recordAs(s.userId(), null, "sharing.upload.expired", "sharing_upload", s.id(), Outcome.FAILURE,
                    s.name());
        }
        return expired.size();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the file store's sweeper removes staging leftovers
        }
    }

    private static UploadSession map(ResultSet rs, int n) throws SQLException {
        return new UploadSession(rs.getString("id"), rs.getLong("user_id"), rs.getLong("folder_id"),
                rs.getString("name"), rs.getLong("upload_length"), rs.getLong("upload_offset"),
                Path.of(rs.getString("staging_path")), Rows.instant(rs, "expires_at"));
    }
}
