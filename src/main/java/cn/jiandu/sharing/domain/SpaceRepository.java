package cn.jiandu.sharing.domain;

import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SpaceRepository {

    private final JdbcClient jdbc;

    SpaceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Space> all() {
        return jdbc.sql("SELECT * FROM sharing_space ORDER BY id").query(SpaceRepository::map).list();
    }

    public Optional<Space> find(long id) {
        return jdbc.sql("SELECT * FROM sharing_space WHERE id = :id").param("id", id).query(SpaceRepository::map)
                .optional();
    }

    public Optional<Space> findByRole(Role role) {
        return jdbc.sql("SELECT * FROM sharing_space WHERE role_code = :r").param("r", role.name())
                .query(SpaceRepository::map).optional();
    }

    long insert(String name, String roleCode, long quota, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO sharing_space (name, role_code, quota_bytes, created_at) VALUES (:n, :r, :q, :t)")
                .param("n", name).param("r", roleCode).param("q", quota).param("t", Rows.ts(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    void setQuota(long spaceId, long quota) {
        jdbc.sql("UPDATE sharing_space SET quota_bytes = :q WHERE id = :id").param("q", quota).param("id", spaceId)
                .update();
    }

    /** The spaces {@code me} belongs to: by holding the space's role or as an explicit member. */
    public Caller caller(JianduPrincipal me) {
        List<String> roles = me.roles().stream().map(Role::name).toList();
        Set<Long> ids = new HashSet<>(jdbc.sql("""
                SELECT id FROM sharing_space WHERE role_code IN (:roles)
                UNION SELECT space_id FROM sharing_member WHERE user_id = :u""")
                .param("roles", roles.isEmpty() ? List.of("-") : roles).param("u", me.id()).query(Long.class).list());
        return new Caller(me, ids);
    }

    public List<Long> explicitMembers(long spaceId) {
        return jdbc.sql("SELECT user_id FROM sharing_member WHERE space_id = :s ORDER BY user_id")
                .param("s", spaceId).query(Long.class).list();
    }

    void addMember(long spaceId, long userId) {
        if (!explicitMembers(spaceId).contains(userId)) {
            jdbc.sql("INSERT INTO sharing_member (space_id, user_id) VALUES (:s, :u)").param("s", spaceId)
                    .param("u", userId).update();
        }
    }

    void removeMember(long spaceId, long userId) {
        jdbc.sql("DELETE FROM sharing_member WHERE space_id = :s AND user_id = :u").param("s", spaceId)
                .param("u", userId).update();
    }

    /** Bytes held by the space: every version, in the bin too (the bin is purged after its days). */
    public long usedBytes(long spaceId) {
        return jdbc.sql("SELECT COALESCE(SUM(size), 0) FROM sharing_version WHERE space_id = :s").param("s", spaceId)
                .query(Long.class).single();
    }

    private static Space map(ResultSet rs, int n) throws SQLException {
        return new Space(rs.getLong("id"), rs.getString("name"), rs.getString("role_code"), rs.getLong("quota_bytes"));
    }
}
