package cn.jiandu.org.domain;

import cn.jiandu.org.OrgUnitType;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class OrgUnitRepository {

    private static final RowMapper<OrgUnit> MAPPER = (rs, i) -> new OrgUnit(rs.getLong("id"),
            (Long) rs.getObject("parent_id", Long.class), rs.getString("name"),
            OrgUnitType.valueOf(rs.getString("type")), rs.getInt("sort_order"), rs.getBoolean("enabled"),
            rs.getString("path"));

    private final JdbcClient jdbc;

    OrgUnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrgUnit> findById(long id) {
        return jdbc.sql("SELECT * FROM org_unit WHERE id = ?").param(id).query(MAPPER).optional();
    }

    public List<OrgUnit> findAll() {
        return jdbc.sql("SELECT * FROM org_unit").query(MAPPER).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM org_unit").query(Long.class).single();
    }

    /** Inserts a new unit under {@code parent} (null for the root) and returns it with its id and path. */
    public OrgUnit insert(OrgUnit parent, String name, OrgUnitType type, int sortOrder) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO org_unit (parent_id, name, type, sort_order, enabled, path) VALUES (?, ?, ?, ?, TRUE, '/')")
                .params(parent == null ? null : parent.id(), name.strip(), type.name(), sortOrder)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        jdbc.sql("UPDATE org_unit SET path = ? WHERE id = ?").params(path, id).update();
        return new OrgUnit(id, parent == null ? null : parent.id(), name.strip(), type, sortOrder, true, path);
    }

    public void update(OrgUnit unit) {
        jdbc.sql("UPDATE org_unit SET parent_id = ?, name = ?, sort_order = ?, enabled = ?, path = ?, "
                        + "version = version + 1 WHERE id = ?")
                .params(unit.parentId(), unit.name(), unit.sortOrder(), unit.enabled(), unit.path(), unit.id())
                .update();
    }

    /** Re-roots every descendant's path after a move: one statement, whatever the subtree's size. */
    public void rewriteDescendantPaths(String oldPath, String newPath) {
        jdbc.sql("UPDATE org_unit SET path = ? || SUBSTRING(path, ?) WHERE path LIKE ? AND path <> ?")
                .params(newPath, oldPath.length() + 1, oldPath + "%", oldPath)
                .update();
    }

    public boolean siblingNameExists(Long parentId, String name, Long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE COALESCE(parent_id, -1) = COALESCE(CAST(? AS BIGINT), -1) "
                        + "AND name = ? AND id <> COALESCE(CAST(? AS BIGINT), -1)")
                .params(parentId, name.strip(), exceptId).query(Long.class).single() > 0;
    }
}
