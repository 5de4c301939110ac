package cn.jiandu.assessment.domain;

import cn.jiandu.assessment.BulletinStatus;
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

@Repository
class BulletinRepository {

    private final JdbcClient jdbc;

    BulletinRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String quarter, BulletinFigures f, String title, String intro, String issues, String requirements,
            long by, Instant now) {
        int edition = jdbc.sql("SELECT COALESCE(MAX(edition), 0) FROM assessment_bulletin WHERE quarter = :q")
                .param("q", quarter).query(Integer.class).single() + 1;
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO assessment_bulletin (quarter, edition, status, figures, title, intro, issues, requirements,
                    created_by, created_at, updated_at) VALUES (:q, :e, 'DRAFT', :f, :t, :i, :is, :r, :by, :now, :now)""")
                .param("q", quarter).param("e", edition).param("f", SchemeRepository.JSON.writeValueAsString(f))
                .param("t", title).param("i", intro).param("is", issues).param("r", requirements).param("by", by)
                .param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Bulletin> find(long id) {
        return jdbc.sql("SELECT * FROM assessment_bulletin WHERE id = :id").param("id", id)
                .query(BulletinRepository::map).optional();
    }

    boolean draftExists(String quarter) {
        return jdbc.sql("SELECT COUNT(*) FROM assessment_bulletin WHERE quarter = :q AND status = 'DRAFT'")
                .param("q", quarter).query(Long.class).single() > 0;
    }

    /** Newest quarter first; drafts only for those who may see them. */
    List<Bulletin> list(boolean drafts) {
        return jdbc.sql("""
                SELECT * FROM assessment_bulletin WHERE (:d = TRUE OR status = 'PUBLISHED')
                ORDER BY quarter DESC, edition DESC""").param("d", drafts).query(BulletinRepository::map).list();
    }

    void update(long id, BulletinFigures f, String title, String intro, String issues, String requirements,
            Instant now) {
        jdbc.sql("""
                UPDATE assessment_bulletin SET figures = :f, title = :t, intro = :i, issues = :is, requirements = :r,
                    updated_at = :now WHERE id = :id""")
                .param("f", SchemeRepository.JSON.writeValueAsString(f)).param("t", title).param("i", intro)
                .param("is", issues).param("r", requirements).param("now", Timestamp.from(now)).param("id", id)
                .update();
    }

    void published(long id, long by, Instant now) {
        jdbc.sql("""
                UPDATE assessment_bulletin SET status = 'PUBLISHED', published_at = :now, published_by = :by,
                    updated_at = :now WHERE id = :id""").param("now", Timestamp.from(now)).param("by", by)
                .param("id", id).update();
    }

    Optional<byte[]> template() {
        return jdbc.sql("SELECT content FROM assessment_bulletin_template ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    void putTemplate(byte[] content, String filename, long by, Instant now) {
        jdbc.sql("""
                INSERT INTO assessment_bulletin_template (content, filename, uploaded_by, uploaded_at)
                VALUES (:c, :f, :by, :now)""").param("c", content).param("f", filename).param("by", by)
                .param("now", Timestamp.from(now)).update();
    }

    private static Bulletin map(ResultSet rs, int n) throws SQLException {
        OffsetDateTime pub = rs.getObject("published_at", OffsetDateTime.class);
        return new Bulletin(rs.getLong("id"), rs.getString("quarter"), rs.getInt("edition"),
                BulletinStatus.valueOf(rs.getString("status")),
                SchemeRepository.JSON.readValue(rs.getString("figures"), BulletinFigures.class), rs.getString("title"),
                rs.getString("intro"), rs.getString("issues"), rs.getString("requirements"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), pub == null ? null : pub.toInstant());
    }
}
