package cn.jiandu.assessment.domain;

import cn.jiandu.shared.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class SchemeRepository {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = """
            SELECT s.*, CASE WHEN EXISTS (SELECT 1 FROM assessment_run r WHERE r.scheme_id = s.id
                   AND r.status IN ('PUBLISHED', 'SUPERSEDED')) THEN TRUE ELSE FALSE END AS in_use
            FROM assessment_scheme s""";

    private final JdbcClient jdbc;

    SchemeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Scheme> find(long id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).query(SchemeRepository::map).optional();
    }

    /** The current version of every (type, year), newest year first. */
    List<Scheme> current(Integer year) {
        return jdbc.sql(SELECT + " WHERE s.superseded_by IS NULL AND (CAST(:y AS INT) IS NULL OR s.scheme_year = :y)"
                        + " ORDER BY s.scheme_year DESC, s.type").param("y", year).query(SchemeRepository::map).list();
    }

    Optional<Scheme> current(Role type, int year) {
        return jdbc.sql(SELECT + " WHERE s.superseded_by IS NULL AND s.type = :t AND s.scheme_year = :y")
                .param("t", type.name()).param("y", year).query(SchemeRepository::map).optional();
    }

    long insert(SchemeDefinition d, int version, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO assessment_scheme (type, scheme_year, version, definition, created_at, updated_at)
                VALUES (:t, :y, :v, :d, :now, :now)""")
                .param("t", d.type().name()).param("y", d.year()).param("v", version)
                .param("d", JSON.writeValueAsString(d)).param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, SchemeDefinition d, Instant now) {
        jdbc.sql("UPDATE assessment_scheme SET definition = :d, updated_at = :now WHERE id = :id")
                .param("d", JSON.writeValueAsString(d)).param("now", Timestamp.from(now)).param("id", id).update();
    }

    void supersede(long id, long by) {
        jdbc.sql("UPDATE assessment_scheme SET superseded_by = :by WHERE id = :id").param("by", by).param("id", id)
                .update();
    }

    private static Scheme map(ResultSet rs, int n) throws SQLException {
        long sup = rs.getLong("superseded_by");
        Long supersededBy = rs.wasNull() ? null : sup;
        return new Scheme(rs.getLong("id"), rs.getInt("version"),
                JSON.readValue(rs.getString("definition"), SchemeDefinition.class), supersededBy,
                rs.getBoolean("in_use"), rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
