package cn.jiandu.sharing.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.paging.Cursor;
import cn.jiandu.shared.paging.CursorPage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A folder's entries, folders first, sorted by name, updatedAt or size (prefix {@code -} for descending), paged with
 * a keyset cursor (sort key, id) so a deep page costs what the first one does.
 */
@Component
public class Listing {

    /** One row: a folder or a file. {@code fileKind} is the file's kind or the folder's standard kind. */
    public record Row(String type, long id, String name, long size, Long ownerId, Instant updatedAt, String kind,
            Long dutyPeriodId) {

        public boolean isFolder() {
            return "FOLDER".equals(type);
        }
    }

    private final JdbcClient jdbc;

    Listing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Folders first, then files. Each part is its own keyset query on its own table, with a row-value comparison
     * {@code (key, id) > (:k, :id)} that the {@code (folder_id, key, id)} indexes answer directly: a union ordered
     * across both tables made PostgreSQL read and sort the whole folder for every page (docs/benchmarks.md).
     */
    public CursorPage<Row> page(long folderId, String query, String sort, String cursor, int size) {
        String s = sort == null || sort.isBlank() ? "name" : sort;
        boolean desc = s.startsWith("-");
        String key = switch (desc ? s.substring(1) : s) {
            case "name" -> "name";
            case "updatedAt" -> "updated_at";
            case "size" -> "size";
            default -> throw Refusal.invalidField("sort", "error.invalidValue");
        };
        Keyset after = cursor == null || cursor.isBlank() ? null : Keyset.decode(cursor, key);
        String like = query == null || query.isBlank() ? null
                : "%" + escape(query.strip().toLowerCase(Locale.ROOT)) + "%";
        List<Row> rows = new ArrayList<>(size + 1);
        if (after == null || after.part() == FOLDERS) {
            // folders have no size (0): sorted by size, they are in id order
            String folderKey = key.equals("size") ? null : key;
            rows.addAll(part("""
                    SELECT 'FOLDER' AS type, id, name, 0 AS size, owner_id, updated_at, kind, duty_period_id
                    FROM sharing_folder WHERE parent_id = :f AND deleted_at IS NULL""", folderId, folderKey, desc,
                    like, after, size + 1));
        }
        if (rows.size() <= size) {
            rows.addAll(part("""
                    SELECT 'FILE' AS type, id, name, size, owner_id, updated_at, file_kind AS kind,
                           CAST(NULL AS BIGINT) AS duty_period_id
                    FROM sharing_entry WHERE folder_id = :f AND deleted_at IS NULL""", folderId, key, desc, like,
                    after == null || after.part() == FOLDERS ? null : after, size + 1 - rows.size()));
        }
        return CursorPage.of(rows, size, r -> Cursor.encode(r.isFolder() ? FOLDERS : FILES, switch (key) {
            case "updated_at" -> r.updatedAt().toString();
            case "size" -> r.size();
            default -> r.name();
        }, r.id()));
    }

    private List<Row> part(String select, long folderId, String key, boolean desc, String like, Keyset after,
            int limit) {
        StringBuilder sql = new StringBuilder(select);
        if (like != null) {
            sql.append(" AND LOWER(name) LIKE :q ESCAPE '!'");
        }
        String cmp = desc ? " < " : " > ";
        if (after != null) {
            sql.append(key == null ? " AND id" + cmp + ":cid" : " AND (" + key + ", id)" + cmp + "(:ck, :cid)");
        }
        String dir = desc ? " DESC" : " ASC";
        sql.append(" ORDER BY ").append(key == null ? "" : key + dir + ", ").append("id").append(dir)
                .append(" LIMIT :n");
        var st = jdbc.sql(sql.toString()).param("f", folderId).param("n", limit);
        if (like != null) {
            st = st.param("q", like);
        }
        if (after != null) {
            if (key != null) {
                st = st.param("ck", after.key());
            }
            st = st.param("cid", after.id());
        }
        return st.query((rs, n) -> new Row(rs.getString("type"), rs.getLong("id"), rs.getString("name"),
                rs.getLong("size"), Rows.longOrNull(rs, "owner_id"), Rows.instant(rs, "updated_at"),
                rs.getString("kind"), Rows.longOrNull(rs, "duty_period_id"))).list();
    }

    private static final int FOLDERS = 0;
    private static final int FILES = 1;

    /** The decoded cursor: which part (folders or files), the sort key value and the id of the last row. */
    private record Keyset(int part, Object key, long id) {

        static Keyset decode(String cursor, String key) {
            List<String> parts = Cursor.decode(cursor, 3);
            try {
                int part = Integer.parseInt(parts.get(0));
                if (part != FOLDERS && part != FILES) {
                    throw new IllegalArgumentException();
                }
                Object k = switch (key) {
                    case "updated_at" -> Timestamp.from(Instant.parse(parts.get(1)));
                    case "size" -> Long.parseLong(parts.get(1));
                    default -> parts.get(1);
                };
                return new Keyset(part, k, Long.parseLong(parts.get(2)));
            } catch (RuntimeException e) {
                throw Refusal.invalidField("cursor", "error.invalidValue");
            }
        }
    }

    private static String escape(String q) {
        return q.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
