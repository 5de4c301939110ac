package cn.jiandu.training.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.training.CaseKind;
import cn.jiandu.training.CaseStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** training_case and the rows hanging from it (linked reports, files, steps). */
@Repository
public class CaseRepository {

    public record FileRow(long id, long caseId, long blobId, String name, long size, String contentType) {
    }

    record StepRow(long id, String action, long actorId, String comment, Instant occurredAt) {
    }

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(CaseKind kind, CaseStatus status, long authorId, long unitId, TrainingCase.CaseText t,
            String categoryCode, Long sourceProblemId, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO training_case (kind, status, author_id, unit_id, title, background, finding, handling,
                    effect, category_code, source_problem_id, submitted_at)
                VALUES (:k, :s, :a, :u, :t, :b, :f, :h, :e, :c, :p, :now)""")
                .param("k", kind.name()).param("s", status.name()).param("a", authorId).param("u", unitId)
                .param("t", t.title()).param("b", t.background()).param("f", t.finding()).param("h", t.handling())
                .param("e", t.effect()).param("c", categoryCode).param("p", sourceProblemId)
                .param("now", Db.ts(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<TrainingCase> find(long id) {
        return jdbc.sql("SELECT * FROM training_case WHERE id = :id").param("id", id).query(CaseRepository::map)
                .optional();
    }

    Optional<TrainingCase> fromProblem(long problemId) {
        return jdbc.sql("SELECT * FROM training_case WHERE source_problem_id = :p").param("p", problemId)
                .query(CaseRepository::map).optional();
    }

    /** Writes what changed, refusing a concurrent change (409) by the version read. */
    void save(TrainingCase c) {
        int n = jdbc.sql("""
                UPDATE training_case SET status = :s, title = :t, background = :b, finding = :f, handling = :h,
                    effect = :e, review_comment = :rc, meeting_id = :m, quarter = :q, submitted_at = :sub,
                    reviewed_at = :rev, selected_at = :sel, published_at = :pub, version = version + 1
                WHERE id = :id AND version = :v""")
                .param("s", c.status().name()).param("t", c.text().title()).param("b", c.text().background())
                .param("f", c.text().finding()).param("h", c.text().handling()).param("e", c.text().effect())
                .param("rc", c.reviewComment()).param("m", c.meetingId()).param("q", c.quarter())
                .param("sub", Db.ts(c.submittedAt())).param("rev", Db.ts(c.reviewedAt()))
                .param("sel", Db.ts(c.selectedAt())).param("pub", Db.ts(c.publishedAt()))
                .param("id", c.id()).param("v", c.version()).update();
        if (n != 1) {
            throw Refusal.conflict("case.error.concurrent");
        }
    }

    List<TrainingCase> query(String where, Map<String, ?> params, int limit) {
        return jdbc.sql("SELECT * FROM training_case WHERE " + where + " ORDER BY id DESC LIMIT " + limit)
                .params(params).query(CaseRepository::map).list();
    }

    void linkProblems(long caseId, List<Long> problemIds) {
        for (long p : problemIds) {
            jdbc.sql("INSERT INTO training_case_problem (case_id, problem_id) VALUES (:c, :p)").param("c", caseId)
                    .param("p", p).update();
        }
    }

    void replaceProblems(long caseId, List<Long> problemIds) {
        jdbc.sql("DELETE FROM training_case_problem WHERE case_id = :c").param("c", caseId).update();
        linkProblems(caseId, problemIds);
    }

    List<Long> problems(long caseId) {
        return jdbc.sql("SELECT problem_id FROM training_case_problem WHERE case_id = :c ORDER BY problem_id")
                .param("c", caseId).query(Long.class).list();
    }

    void addFile(long caseId, long blobId, String name, long size, String contentType, Instant now) {
        jdbc.sql("""
                INSERT INTO training_case_file (case_id, blob_id, name, size, content_type, created_at)
                VALUES (:c, :b, :n, :s, :t, :now)""").param("c", caseId).param("b", blobId).param("n", name)
                .param("s", size).param("t", contentType).param("now", Db.ts(now)).update();
    }

    List<FileRow> files(long caseId) {
        return jdbc.sql("SELECT * FROM training_case_file WHERE case_id = :c ORDER BY id").param("c", caseId)
                .query((rs, n) -> new FileRow(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("blob_id"),
                        rs.getString("name"), rs.getLong("size"), rs.getString("content_type"))).list();
    }

    Optional<FileRow> file(long caseId, long fileId) {
        return files(caseId).stream().filter(f -> f.id() == fileId).findFirst();
    }

    void step(long caseId, String action, long actorId, String comment, Instant now) {
        jdbc.sql("""
                INSERT INTO training_case_step (case_id, action, actor_id, comment, occurred_at)
                VALUES (:c, :a, :u, :m, :now)""").param("c", caseId).param("a", action).param("u", actorId)
                .param("m", comment).param("now", Db.ts(now)).update();
    }

    List<StepRow> steps(long caseId) {
        return jdbc.sql("SELECT * FROM training_case_step WHERE case_id = :c ORDER BY id").param("c", caseId)
                .query((rs, n) -> new StepRow(rs.getLong("id"), rs.getString("action"), rs.getLong("actor_id"),
                        rs.getString("comment"), Db.instant(rs, "occurred_at"))).list();
    }

    private static TrainingCase map(ResultSet rs, int n) throws SQLException {
        return new TrainingCase(rs.getLong("id"), CaseKind.valueOf(rs.getString("kind")),
                CaseStatus.valueOf(rs.getString("status")), rs.getLong("author_id"), rs.getLong("unit_id"),
                new TrainingCase.CaseText(rs.getString("title"), rs.getString("background"), rs.getString("finding"),
                        rs.getString("handling"), rs.getString("effect")),
                rs.getString("category_code"), Db.longOrNull(rs, "source_problem_id"), rs.getString("review_comment"),
                Db.longOrNull(rs, "meeting_id"), rs.getString("quarter"), Db.instant(rs, "submitted_at"),
                Db.instant(rs, "reviewed_at"), Db.instant(rs, "selected_at"), Db.instant(rs, "published_at"),
                rs.getInt("version"));
    }
}
