package cn.jiandu.sharing.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class FolderRepository {

    private final JdbcClient jdbc;

    FolderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Folder> find(long id) {
        return jdbc.sql("SELECT * FROM sharing_folder WHERE id = :id").param("id", id).query(FolderRepository::map)
                .optional();
    }

    public Optional<Folder> root(long spaceId) {
        return jdbc.sql("SELECT * FROM sharing_folder WHERE space_id = :s AND kind = 'ROOT'").param("s", spaceId)
                .query(FolderRepository::map).optional();
    }

    /** The live standard folders of a space (the root excluded), in their fixed order. */
    public List<Folder> standard(long spaceId) {
        return jdbc.sql("""
                SELECT * FROM sharing_folder WHERE space_id = :s AND kind IS NOT NULL AND kind <> 'ROOT'
                AND deleted_at IS NULL ORDER BY id""").param("s", spaceId).query(FolderRepository::map).list();
    }

    public Optional<Folder> standard(long spaceId, String kind) {
        return jdbc.sql("SELECT * FROM sharing_folder WHERE space_id = :s AND kind = :k AND deleted_at IS NULL")
                .param("s", spaceId).param("k", kind).query(FolderRepository::map).optional();
    }

    public Optional<Folder> liveChild(long parentId, String name) {
        return jdbc.sql("SELECT * FROM sharing_folder WHERE parent_id = :p AND name = :n AND deleted_at IS NULL")
                .param("p", parentId).param("n", name).query(FolderRepository::map).optional();
    }

    /** Every live folder of a space but the root, for "move to" choices. */
    public List<Folder> liveInSpace(long spaceId) {
        return jdbc.sql("""
                SELECT * FROM sharing_folder WHERE space_id = :s AND deleted_at IS NULL AND (kind IS NULL OR kind <> 'ROOT')
                ORDER BY id""").param("s", spaceId).query(FolderRepository::map).list();
    }

    public List<Folder> children(long parentId) {
        return jdbc.sql("SELECT * FROM sharing_folder WHERE parent_id = :p ORDER BY id").param("p", parentId)
                .query(FolderRepository::map).list();
    }

    /** The folder and every folder below it. */
    public List<Folder> subtree(Folder top) {
        List<Folder> all = new ArrayList<>();
        List<Folder> frontier = List.of(top);
        while (!frontier.isEmpty()) {
            all.addAll(frontier);
            List<Folder> next = new ArrayList<>();
            for (Folder f : frontier) {
                next.addAll(children(f.id()));
            }
            frontier = next;
        }
        return all;
    }

    long insert(long spaceId, Long parentId, String name, String kind, String area, Long ownerId, Long dutyPeriodId,
            Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sharing_folder (space_id, parent_id, name, kind, area, owner_id, duty_period_id,
                                            created_at, updated_at)
                VALUES (:s, :p, :n, :k, :a, :o, :d, :t, :t)""")
                .param("s", spaceId).param("p", parentId).param("n", name).param("k", kind).param("a", area)
                .param("o", ownerId).param("d", dutyPeriodId).param("t", Rows.ts(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    void rename(long id, String name, Instant now) {
        jdbc.sql("UPDATE sharing_folder SET name = :n, updated_at = :t WHERE id = :id").param("n", name)
                .param("t", Rows.ts(now)).param("id", id).update();
    }

    void setDeleted(long id, Instant deletedAt) {
        jdbc.sql("UPDATE sharing_folder SET deleted_at = :t WHERE id = :id").param("t", Rows.ts(deletedAt))
                .param("id", id).update();
    }

    static Folder map(ResultSet rs, int n) throws SQLException {
        return new Folder(rs.getLong("id"), rs.getLong("space_id"), Rows.longOrNull(rs, "parent_id"),
                rs.getString("name"), rs.getString("kind"), rs.getString("area"), Rows.longOrNull(rs, "owner_id"),
                Rows.longOrNull(rs, "duty_period_id"), Rows.instant(rs, "updated_at"), Rows.instant(rs, "deleted_at"));
    }
}
