package cn.jiandu.audit.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.audit.AuditEntryView;
import cn.jiandu.audit.AuditSearch;
import cn.jiandu.audit.Outcome;
import cn.jiandu.audit.ProtectedActors;
import cn.jiandu.shared.paging.Cursor;
import cn.jiandu.shared.paging.CursorPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the audit trail, newest first, by keyset on (occurred_at, id). It never changes an entry. */
@Repository
public class AuditQuery {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final JdbcClient jdbc;
    private final Set<String> protectedActions;

    AuditQuery(JdbcClient jdbc, List<ProtectedActors> protectedActors) {
        this.jdbc = jdbc;
        this.protectedActions = protectedActors.stream().flatMap(p -> p.actions().stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    public CursorPage<AuditEntryView> search(AuditSearch f, int size, String cursor) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE 1 = 1");
        Map<String, Object> p = new HashMap<>();
        if (present(f.actor())) {
            String actor = f.actor().strip();
            if (actor.chars().allMatch(Character::isDigit) && actor.length() < 19) {
                sql.append(" AND (actor_name = :actor OR actor_id = :actorId)");
                p.put("actorId", Long.parseLong(actor));
            } else {
                sql.append(" AND actor_name = :actor");
            }
            p.put("actor", actor);
            if (!protectedActions.isEmpty()) {
                // a search by actor must not list what a protected person did (who reported what)
                sql.append(" AND action NOT IN (:protectedActions)");
                p.put("protectedActions", protectedActions);
            }
        }
        if (present(f.action())) {
            sql.append(" AND (action = :action OR action LIKE :actionPrefix ESCAPE '!')");
            String a = f.action().strip();
            p.put("action", a);
            p.put("actionPrefix", a.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (present(f.targetType())) {
            sql.append(" AND target_type = :targetType");
            p.put("targetType", f.targetType().strip());
        }
        if (present(f.targetId())) {
            sql.append(" AND target_id = :targetId");
            p.put("targetId", f.targetId().strip());
        }
        if (f.from() != null) {
            sql.append(" AND occurred_at >= :from");
            p.put("from", f.from());
        }
        if (f.to() != null) {
            sql.append(" AND occurred_at < :to");
            p.put("to", f.to());
        }
        if (cursor != null && !cursor.isBlank()) {
            List<String> keys = Cursor.decode(cursor, 2);
            try {
                p.put("cAt", OffsetDateTime.parse(keys.get(0)));
                p.put("cId", Long.parseLong(keys.get(1)));
            } catch (RuntimeException e) {
                throw Refusal.invalidField("cursor", "error.invalidValue");
            }
            sql.append(" AND (occurred_at < :cAt OR (occurred_at = :cAt AND id < :cId))");
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT :limit");
        p.put("limit", size + 1);
        List<AuditEntryView> rows = jdbc.sql(sql.toString()).params(p).query((rs, i) -> row(rs)).list();
        return CursorPage.of(rows, size, e -> Cursor.encode(e.occurredAt().toString(), e.id()));
    }

    private AuditEntryView row(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
        String action = rs.getString("action");
        boolean hidden = protectedActions.contains(action);
        return new AuditEntryView(rs.getLong("id"), at.atZoneSameInstant(ZONE).toOffsetDateTime(),
                hidden ? null : rs.getObject("actor_id", Long.class), hidden ? null : rs.getString("actor_name"),
                action, rs.getString("target_type"), rs.getString("target_id"),
                hidden ? null : rs.getString("address"), Outcome.valueOf(rs.getString("outcome")),
                rs.getString("detail"), hidden);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
