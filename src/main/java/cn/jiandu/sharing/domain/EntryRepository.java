package cn.jiandu.sharing.domain;

import cn.jiandu.files.FileKind;
import cn.jiandu.files.StoredBlob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class EntryRepository {

    private final JdbcClient jdbc;

    EntryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Entry> find(long id) {
        return jdbc.sql("SELECT * FROM sharing_entry WHERE id = :id").param("id", id).query(EntryRepository::map)
                .optional();
    }

    public Optional<Entry> liveByName(long folderId, String name) {
        return jdbc.sql("SELECT * FROM sharing_entry WHERE folder_id = :f AND name = :n AND deleted_at IS NULL")
                .param("f", folderId).param("n", name).query(EntryRepository::map).optional();
    }

    /** The live entry of that name, its row locked until the transaction ends (two new versions at once). */
    Optional<Entry> lockLiveByName(long folderId, String name) {
        return jdbc.sql("""
                SELECT * FROM sharing_entry WHERE folder_id = :f AND name = :n AND deleted_at IS NULL FOR UPDATE""")
                .param("f", folderId).param("n", name).query(EntryRepository::map).optional();
    }

    public boolean nameTaken(long folderId, String name) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM sharing_entry WHERE folder_id = :f AND name = :n AND deleted_at IS NULL""")
                .param("f", folderId).param("n", name).query(Long.class).single() > 0
                || jdbc.sql("SELECT COUNT(*) FROM sharing_folder WHERE parent_id = :f AND name = :n AND deleted_at IS NULL")
                .param("f", folderId).param("n", name).query(Long.class).single() > 0;
    }

    /** Files in these folders, live or binned, not owned by {@code ownerId}. */
    public long countOthers(Collection<Long> folderIds, long ownerId) {
        return jdbc.sql("SELECT COUNT(*) FROM sharing_entry WHERE folder_id IN (:f) AND owner_id <> :o")
                .param("f", folderIds).param("o", ownerId).query(Long.class).single();
    }

    long insert(long spaceId, long folderId, String name, long ownerId, StoredBlob blob, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sharing_entry (space_id, folder_id, name, owner_id, blob_id, size, sha256, content_type,
                                           file_kind, version_no, created_at, updated_at)
                VALUES (:s, :f, :n, :o, :b, :size, :sha, :ct, :k, 1, :t, :t)""")
                .param("s", spaceId).param("f", folderId).param("n", name).param("o", ownerId).param("b", blob.id())
                .param("size", blob.size()).param("sha", blob.sha256()).param("ct", blob.contentType())
                .param("k", blob.kind().name()).param("t", Rows.ts(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        insertVersion(id, spaceId, 1, blob.id(), blob.size(), blob.sha256(), blob.contentType(), blob.kind(), ownerId,
                now);
        return id;
    }

    /** Makes {@code v} the entry's current content as a new version number. */
    int addVersion(Entry e, long blobId, long size, String sha, String contentType, FileKind kind, long by,
            Instant now) {
        // two new versions of one entry at once would both pick MAX + 1: the row lock makes them take turns
        jdbc.sql("SELECT id FROM sharing_entry WHERE id = :e FOR UPDATE").param("e", e.id()).query(Long.class).list();
        int next = jdbc.sql("SELECT MAX(version_no) FROM sharing_version WHERE entry_id = :e").param("e", e.id())
                .query(Integer.class).single() + 1;
        insertVersion(e.id(), e.spaceId(), next, blobId, size, sha, contentType, kind, by, now);
        jdbc.sql("""
                UPDATE sharing_entry SET blob_id = :b, size = :size, sha256 = :sha, content_type = :ct, file_kind = :k,
                       version_no = :v, updated_at = :t WHERE id = :id""")
                .param("b", blobId).param("size", size).param("sha", sha).param("ct", contentType)
                .param("k", kind.name()).param("v", next).param("t", Rows.ts(now)).param("id", e.id()).update();
        return next;
    }

    private void insertVersion(long entryId, long spaceId, int no, long blobId, long size, String sha, String ct,
            FileKind kind, long by, Instant now) {
        jdbc.sql("""
                INSERT INTO sharing_version (entry_id, space_id, version_no, blob_id, size, sha256, content_type,
                                             file_kind, uploaded_by, created_at)
                VALUES (:e, :s, :v, :b, :size, :sha, :ct, :k, :by, :t)""")
                .param("e", entryId).param("s", spaceId).param("v", no).param("b", blobId).param("size", size)
                .param("sha", sha).param("ct", ct).param("k", kind.name()).param("by", by).param("t", Rows.ts(now))
                .update();
    }

    public List<Version> versions(long entryId) {
        return jdbc.sql("SELECT * FROM sharing_version WHERE entry_id = :e ORDER BY version_no DESC")
                .param("e", entryId).query(EntryRepository::mapVersion).list();
    }

    public Optional<Version> version(long entryId, int no) {
        return jdbc.sql("SELECT * FROM sharing_version WHERE entry_id = :e AND version_no = :v").param("e", entryId)
                .param("v", no).query(EntryRepository::mapVersion).optional();
    }

    /**
     * Renames and/or moves the entry as it was read ({@code e.lockVersion()}); false when someone changed it since
     * (optimistic locking: of two renames at once, the second finds the version moved on). A name another live
     * entry of the target folder holds fails on the unique constraint.
     */
    boolean moveOrRename(Entry e, long folderId, String name, Instant now) {
        return jdbc.sql("""
                UPDATE sharing_entry SET folder_id = :f, name = :n, updated_at = :t, lock_version = lock_version + 1
                WHERE id = :id AND lock_version = :v AND deleted_at IS NULL""")
                .param("f", folderId).param("n", name).param("t", Rows.ts(now)).param("id", e.id())
                .param("v", e.lockVersion()).update() == 1;
    }

    void bin(long id, long by, Instant now) {
        jdbc.sql("UPDATE sharing_entry SET deleted_at = :t, deleted_by = :by, live = NULL, lock_version = lock_version + 1 "
                + "WHERE id = :id AND deleted_at IS NULL")
                .param("t", Rows.ts(now)).param("by", by).param("id", id).update();
    }

    void binLiveIn(Collection<Long> folderIds, long by, Instant now) {
        jdbc.sql("""
                UPDATE sharing_entry SET deleted_at = :t, deleted_by = :by, live = NULL, lock_version = lock_version + 1
                WHERE folder_id IN (:f) AND deleted_at IS NULL""")
                .param("t", Rows.ts(now)).param("by", by).param("f", folderIds).update();
    }

    void unbin(long id, String name, Instant now) {
        jdbc.sql("""
                UPDATE sharing_entry SET deleted_at = NULL, deleted_by = NULL, live = TRUE, name = :n, updated_at = :t,
                       lock_version = lock_version + 1
                WHERE id = :id""").param("n", name).param("t", Rows.ts(now)).param("id", id).update();
    }

    /** The recycle bin: binned entries of these spaces, of one owner unless {@code ownerId} is null. */
    public List<Entry> binned(Collection<Long> spaceIds, Long ownerId) {
        if (spaceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM sharing_entry WHERE deleted_at IS NOT NULL AND space_id IN (:s)
                AND (CAST(:o AS BIGINT) IS NULL OR owner_id = :o) ORDER BY deleted_at DESC, id DESC""")
                .param("s", spaceIds).param("o", ownerId).query(EntryRepository::map).list();
    }

    public List<Entry> binnedBefore(Instant cutoff) {
        return jdbc.sql("SELECT * FROM sharing_entry WHERE deleted_at IS NOT NULL AND deleted_at < :c ORDER BY id")
                .param("c", Rows.ts(cutoff)).query(EntryRepository::map).list();
    }

    /** Deletes the entry and its versions; returns the blob ids no other version still references. */
    List<Long> purge(long entryId) {
        List<Long> blobs = jdbc.sql("SELECT DISTINCT blob_id FROM sharing_version WHERE entry_id = :e")
                .param("e", entryId).query(Long.class).list();
        jdbc.sql("DELETE FROM sharing_version WHERE entry_id = :e").param("e", entryId).update();
        jdbc.sql("DELETE FROM sharing_entry WHERE id = :e").param("e", entryId).update();
        return blobs.stream().filter(b -> jdbc.sql("SELECT COUNT(*) FROM sharing_version WHERE blob_id = :b")
                .param("b", b).query(Long.class).single() == 0).toList();
    }

    static Entry map(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("space_id"), rs.getLong("folder_id"), rs.getString("name"),
                rs.getLong("owner_id"), rs.getLong("blob_id"), rs.getLong("size"), rs.getString("sha256"),
                rs.getString("content_type"), FileKind.valueOf(rs.getString("file_kind")), rs.getInt("version_no"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"), Rows.instant(rs, "deleted_at"),
                Rows.longOrNull(rs, "deleted_by"), rs.getInt("lock_version"));
    }

    static Version mapVersion(ResultSet rs, int n) throws SQLException {
        return new Version(rs.getLong("entry_id"), rs.getInt("version_no"), rs.getLong("blob_id"), rs.getLong("size"),
                rs.getString("sha256"), rs.getString("content_type"), FileKind.valueOf(rs.getString("file_kind")),
                rs.getLong("uploaded_by"), Rows.instant(rs, "created_at"));
    }
}
