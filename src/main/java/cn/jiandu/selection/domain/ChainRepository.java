package cn.jiandu.selection.domain;

import cn.jiandu.shared.security.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Versions of the selection chain; the newest is the one new nominations start with. */
@Repository
class ChainRepository {

    private final JdbcClient jdbc;

    ChainRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Integer> currentVersion() {
        return jdbc.sql("SELECT MAX(version) FROM selection_chain").query(Integer.class).optional();
    }

    List<ChainStep> steps(int version) {
        return jdbc.sql("""
                SELECT position, code, name, owner_role, owner_unit_id, owner_is_scope_branch, deadline_working_days,
                    opinion_required
                FROM selection_chain_step WHERE chain_version = :v ORDER BY position""").param("v", version)
                .query((rs, n) -> {
                    long unit = rs.getLong(5);
                    Long unitId = rs.wasNull() ? null : unit;
                    return new ChainStep(rs.getInt(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                            unitId, rs.getBoolean(6), rs.getInt(7), rs.getBoolean(8));
                }).list();
    }

    /** Stores {@code steps} as the next version (positions from 1, in list order); returns the version. */
    int insert(List<ChainStep> steps, Instant now, Long by) {
        int version = currentVersion().orElse(0) + 1;
        jdbc.sql("INSERT INTO selection_chain (version, created_at, created_by) VALUES (:v, :at, :by)")
                .param("v", version).param("at", Timestamp.from(now)).param("by", by).update();
        int position = 1;
        for (ChainStep s : steps) {
            jdbc.sql("""
                    INSERT INTO selection_chain_step (chain_version, position, code, name, owner_role, owner_unit_id,
                        owner_is_scope_branch, deadline_working_days, opinion_required)
                    VALUES (:v, :p, :code, :name, :role, :unit, :branch, :days, :opinion)""")
                    .param("v", version).param("p", position++).param("code", s.code()).param("name", s.name())
                    .param("role", s.ownerRole().name()).param("unit", s.ownerUnitId())
                    .param("branch", s.ownerIsScopeBranch()).param("days", s.deadlineWorkingDays())
                    .param("opinion", s.opinionRequired()).update();
        }
        return version;
    }
}
