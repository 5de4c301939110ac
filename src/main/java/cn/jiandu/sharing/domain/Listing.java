package cn.jiandu.sharing.domain;

import cn.jiandu.shared.paging.Cursor;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.web.ApiException;
import java.sql.Timestamp;
import java.time.Instant;
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

    public CursorPage<Row> page(long folderId, String query, String sort, String cursor, int size) {
        String s = sort == null || sort.isBlank() ? "name" : sort;
        boolean desc = s.startsWith("-");
        String key = switch (desc ? s.substring(1) : s) {
            case "name" -> "name";
            case "updatedAt" -> "updated_at";
            case "size" -> "size";
            default -> throw ApiException.invalidField("sort", "error.invalidValue");
        };
        String cmp = desc ? "<" : ">";
        String dir = desc ? "DESC" : "ASC";
        StringBuilder sql = new StringBuilder("""
                SELECT * FROM (
                  SELECT 0 AS tr, 'FOLDER' AS type, id, name, 0 AS size, owner_id, updated_at, kind,
                         duty_period_id
                  FROM sharing_folder WHERE parent_id = :f AND deleted_at IS NULL
                  UNION ALL
                  SELECT 1 AS tr, 'FILE' AS type, id, name, size, owner_id, updated_at, file_kind AS kind,
                         CAST(NULL AS BIGINT) AS duty_period_id
                  FROM sharing_entry WHERE folder_id = :f AND deleted_at IS NULL
                ) e WHERE 1 = 1""");
        if (query != null && !query.isBlank()) {
            sql.append(" AND LOWER(name) LIKE :q ESCAPE '!'");
        }
        Object[] after = null;
        if (cursor != null && !cursor.isBlank()) {
            List<String> parts = Cursor.decode(cursor, 3);
            try {
                Object k = switch (key) {
                    case "updated_at" -> Timestamp.from(Instant.parse(parts.get(1)));
                    case "size" -> Long.parseLong(parts.get(1));
                    default -> parts.get(1);
                };
                after = new Object[] {Integer.parseInt(parts.get(0)), k, Long.parseLong(parts.get(2))};
            } catch (RuntimeException e) {
                throw ApiException.invalidField("cursor", "error.invalidValue");
            }
            sql.append(" AND (tr > :ctr OR (tr = :ctr AND (").append(key).append(' ').append(cmp)
                    .append(" :ck OR (").append(key).append(" = :ck AND id ").append(cmp).append(" :cid))))");
        }
        sql.append(" ORDER BY tr, ").append(key).append(' ').append(dir).append(", id ").append(dir)
                .append(" LIMIT :n");
        var st = jdbc.sql(sql.toString()).param("f", folderId).param("n", size + 1);
        if (query != null && !query.isBlank()) {
            st = st.param("q", "%" + escape(query.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (after != null) {
            st = st.param("ctr", after[0]).param("ck", after[1]).param("cid", after[2]);
        }
        List<Row> rows = st.query((rs, n) -> new Row(rs.getString("type"), rs.getLong("id"), rs.getString("name"),
                rs.getLong("size"), Rows.longOrNull(rs, "owner_id"), Rows.instant(rs, "updated_at"),
                rs.getString("kind"), Rows.longOrNull(rs, "duty_period_id"))).list();
        return CursorPage.of(rows, size, r -> Cursor.encode(r.isFolder() ? 0 : 1, switch (key) {
            case "updated_at" -> r.updatedAt().toString();
            case "size" -> r.size();
            default -> r.name();
        }, r.id()));
    }

    private static String escape(String q) {
        return q.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
