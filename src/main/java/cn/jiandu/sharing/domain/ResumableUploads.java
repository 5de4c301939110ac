package cn.jiandu.sharing.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.files.FileStore;
import cn.jiandu.files.StoredBlob;
import cn.jiandu.shared.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tus 1.0 core protocol's state, hand-written (the Java tus server libraries are javax-era): a session row per
 * upload, bytes appended straight to a staging file of the file store with constant memory, the offset saved after
 * every chunk (also when the connection breaks), and the blob adopted and placed only when the last byte arrived.
 */
@Service
public class ResumableUploads {

    private static final int BUFFER = 64 * 1024;

    private final JdbcClient jdbc;
    private final Guard guard;
    private final SharingService sharing;
    private final FolderRepository folders;
    private final FileStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final SharingProperties props;
    private final TransactionTemplate tx;

    ResumableUploads(JdbcClient jdbc, Guard guard, SharingService sharing, FolderRepository folders, FileStore store,
            AuditTrail audit, Clock clock, SharingProperties props, TransactionTemplate tx) {
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

    public long maxSize() {
        return props.maxResumableBytes();
    }

    public UploadSession create(Caller me, long folderId, String name, long length) {
        if (length < 0) {
            throw ApiException.invalidField("Upload-Length", "error.invalidValue");
        }
        Folder folder = guard.folder(me, folderId);
        sharing.admit(me, folder, name, length, props.maxResumableBytes());
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
                .query(ResumableUploads::map).optional().orElseThrow(ApiException::notFound);
        if (s.userId() != me.id() || s.expiresAt().isBefore(clock.instant())) {
            throw ApiException.notFound();
        }
        return s;
    }

    /** What {@link #append} did: the new offset, and the placed entry once the upload is complete. */
    public record Progress(long offset, Optional<Entry> entry) {
    }

    /**
     * Appends the request body at {@code offset}. A mismatching offset is 409. If the body breaks off, the bytes
     * that arrived are kept and the offset saved, so the client resumes with HEAD + PATCH.
     */
    public Progress append(Caller me, String id, long offset, InputStream body) {
        UploadSession s = find(me, id);
        if (offset != s.offset()) {
            throw ApiException.conflict("sharing.error.offsetMismatch", s.offset());
        }
        long written = 0;
        IOException broken = null;
        try (FileChannel ch = FileChannel.open(s.staging(), StandardOpenOption.WRITE)) {
            ch.position(offset);
            byte[] buf = new byte[BUFFER];
            int n;
            while ((n = body.read(buf)) > 0) {
                if (offset + written + n > s.length()) {
                    throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "sharing.error.beyondLength");
                }
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                while (bb.hasRemaining()) {
                    ch.write(bb);
                }
                written += n;
            }
            ch.force(false);
        } catch (IOException e) {
            broken = e;
        } finally {
            saveOffset(id, offset + written);
        }
        if (broken != null) {
            throw new UncheckedIOException(broken);
        }
        long now = offset + written;
        if (now < s.length()) {
            return new Progress(now, Optional.empty());
        }
        return new Progress(now, Optional.of(complete(me, s)));
    }

    private void saveOffset(String id, long offset) {
        jdbc.sql("UPDATE sharing_upload SET upload_offset = :o WHERE id = :id AND upload_offset < :o")
                .param("o", offset).param("id", id).update();
    }

    /** Adopts the staging file (checked by content and size) and places it, in one transaction. */
    private Entry complete(Caller me, UploadSession s) {
        try {
            return place(me, s);
        } catch (RuntimeException e) {
            // the staging file is gone whatever adopt() decided: the session cannot resume
            jdbc.sql("DELETE FROM sharing_upload WHERE id = :id").param("id", s.id()).update();
            deleteQuietly(s.staging());
            throw e;
        }
    }

    private Entry place(Caller me, UploadSession s) {
        return tx.execute(status -> {
            Folder folder = guard.folder(me, s.folderId());
            var policy = sharing.admit(me, folder, s.name(), s.length(), props.maxResumableBytes());
            jdbc.sql("DELETE FROM sharing_upload WHERE id = :id").param("id", s.id()).update();
            StoredBlob blob = store.adopt(s.staging(), policy);
            return sharing.place(me, folder, s.name(), blob, "sharing.upload");
        });
    }

    public void cancel(Caller me, String id) {
        UploadSession s = find(me, id);
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
