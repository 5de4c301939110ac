package cn.jiandu.identity.domain;

import cn.jiandu.org.OrgSql;
import cn.jiandu.shared.security.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    UserRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<User> findById(long id) {
        return one("SELECT * FROM app_user WHERE id = ?", id);
    }

    public Optional<User> findByUsername(String username) {
        return one("SELECT * FROM app_user WHERE username = ?", username);
    }

    /**
     * The enabled user holding a live (unexpired, unrevoked) API token, in one round trip (user and roles joined):
     * the bearer check runs on every API call, so it must not cost three.
     */
    public Optional<User> findByLiveTokenHash(String tokenHash, Timestamp now) {
        List<UserRow> found = new ArrayList<>(1);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("""
                        SELECT u.*, r.role AS joined_role FROM api_token t
                        JOIN app_user u ON u.id = t.user_id
                        LEFT JOIN app_user_role r ON r.user_id = u.id
                        WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now""")
                .param("hash", tokenHash).param("now", now)
                .query(rs -> {
                    if (found.isEmpty()) {
                        found.add(row(rs));
                    }
                    String role = rs.getString("joined_role");
                    if (role != null) {
                        roles.add(Role.valueOf(role));
                    }
                });
        return found.stream().findFirst().map(r -> new User(r.id(), r.username(), r.displayName(), r.orgUnitId(),
                r.mobile(), r.passwordHash(), roles, r.enabled(), r.mustChange()));
    }

    public boolean usernameExists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param(username).query(Long.class)
                .single() > 0;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    private Optional<User> one(String sql, Object param) {
        List<User> users = load(jdbc.sql(sql).param(param).query((rs, i) -> row(rs)).list());
        return users.stream().findFirst();
    }

    /** Users by keyset ({@code id > afterId}), filtered; {@code limit} rows at most. */
    public List<User> page(String q, Long orgUnitId, Role role, long afterId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM app_user u WHERE u.id > :after");
        Map<String, Object> params = new HashMap<>();
        params.put("after", afterId);
        if (q != null && !q.isBlank()) {
            // % and _ typed into the search are literal characters, not wildcards
            sql.append(" AND (LOWER(u.username) LIKE :q ESCAPE '!' OR LOWER(u.display_name) LIKE :q ESCAPE '!'"
                    + " OR u.mobile LIKE :q ESCAPE '!')");
            String literal = q.strip().toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_");
            params.put("q", "%" + literal + "%");
        }
        if (orgUnitId != null) {
            sql.append(" AND u.org_unit_id IN (" + OrgSql.subtreeOf(":org") + ")");
            params.put("org", orgUnitId);
        }
        if (role != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM app_user_role r WHERE r.user_id = u.id AND r.role = :role)");
            params.put("role", role.name());
        }
        sql.append(" ORDER BY u.id LIMIT :limit");
        params.put("limit", limit);
        return load(jdbc.sql(sql.toString()).params(params).query((rs, i) -> row(rs)).list());
    }

    /**
     * The ids of the enabled admins, their rows locked until the transaction ends: two admins disabling each other at
     * the same moment are decided one after the other, so one admin always stays.
     */
    public List<Long> lockEnabledAdmins() {
        return jdbc.sql("SELECT id FROM app_user WHERE enabled = TRUE AND id IN "
                        + "(SELECT user_id FROM app_user_role WHERE role = 'ADMIN') ORDER BY id FOR UPDATE")
                .query(Long.class).list();
    }

    public List<User> withRole(Role role, Long orgUnitId) {
        String sql = "SELECT u.* FROM app_user u JOIN app_user_role r ON r.user_id = u.id WHERE r.role = :role "
                + "AND u.enabled = TRUE" + (orgUnitId == null ? "" : " AND u.org_unit_id = :org") + " ORDER BY u.id";
        var spec = jdbc.sql(sql).param("role", role.name());
        if (orgUnitId != null) {
            spec = spec.param("org", orgUnitId);
        }
        return load(spec.query((rs, i) -> row(rs)).list());
    }

    public List<User> findAllById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return load(jdbc.sql("SELECT * FROM app_user WHERE id IN (:ids)").param("ids", ids)
                .query((rs, i) -> row(rs)).list());
    }

    public User insert(User u) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, org_unit_id, mobile, password_hash, enabled,
                                      must_change_password, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(u.username(), u.displayName(), u.orgUnitId(), u.mobile(), u.passwordHash(), u.enabled(),
                        u.mustChangePassword(), now, now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        writeRoles(id, u.roles());
        return findById(id).orElseThrow();
    }

    public void update(User u) {
        jdbc.sql("""
                UPDATE app_user SET display_name = ?, org_unit_id = ?, mobile = ?, password_hash = ?, enabled = ?,
                       must_change_password = ?, updated_at = ?, version = version + 1 WHERE id = ?""")
                .params(u.displayName(), u.orgUnitId(), u.mobile(), u.passwordHash(), u.enabled(),
                        u.mustChangePassword(), Timestamp.from(clock.instant()), u.id())
                .update();
        jdbc.sql("DELETE FROM app_user_role WHERE user_id = ?").param(u.id()).update();
        writeRoles(u.id(), u.roles());
    }

    /** Adds one role; false when he already held it. */
    public boolean addRole(long userId, Role role) {
        if (hasRole(userId, role)) {
            return false;
        }
        jdbc.sql("INSERT INTO app_user_role (user_id, role) VALUES (?, ?)").params(userId, role.name()).update();
        return true;
    }

    /** Removes one role; false when he did not hold it. */
    public boolean removeRole(long userId, Role role) {
        return jdbc.sql("DELETE FROM app_user_role WHERE user_id = ? AND role = ?").params(userId, role.name())
                .update() > 0;
    }

    private boolean hasRole(long userId, Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user_role WHERE user_id = ? AND role = ?")
                .params(userId, role.name()).query(Long.class).single() > 0;
    }

    private void writeRoles(long userId, Set<Role> roles) {
        for (Role r : roles) {
            jdbc.sql("INSERT INTO app_user_role (user_id, role) VALUES (?, ?)").params(userId, r.name()).update();
        }
    }

    private List<User> load(List<UserRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<Role>> roles = new HashMap<>();
        jdbc.sql("SELECT user_id, role FROM app_user_role WHERE user_id IN (:ids)")
                .param("ids", rows.stream().map(UserRow::id).toList())
                .query(rs -> {
                    roles.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Role.class))
                            .add(Role.valueOf(rs.getString(2)));
                });
        List<User> out = new ArrayList<>(rows.size());
        for (UserRow r : rows) {
            out.add(new User(r.id(), r.username(), r.displayName(), r.orgUnitId(), r.mobile(), r.passwordHash(),
                    roles.getOrDefault(r.id(), Set.of()), r.enabled(), r.mustChange()));
        }
        return out;
    }

    private static UserRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new UserRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getLong("org_unit_id"), rs.getString("mobile"), rs.getString("password_hash"),
                rs.getBoolean("enabled"), rs.getBoolean("must_change_password"));
    }

    private record UserRow(long id, String username, String displayName, long orgUnitId, String mobile,
            String passwordHash, boolean enabled, boolean mustChange) {
    }
}
