package cn.jiandu.exam.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.exam.domain.Drawing.Candidate;
import cn.jiandu.exam.domain.Drawing.Pool;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.Refusal.FieldError;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 试卷: saved only when every rule can be filled from the bank. */
@Service
public class Papers {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    Papers(JdbcClient jdbc, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    public List<Paper> list() {
        List<Long> ids = jdbc.sql("SELECT id FROM exam_paper ORDER BY id DESC").query(Long.class).list();
        return ids.stream().map(this::find).toList();
    }

    public Paper find(long id) {
        record Head(long id, String title, boolean partial, BigDecimal fixedPoints) {
        }
        Head h = jdbc.sql("SELECT id, title, partial_credit, fixed_points FROM exam_paper WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getBigDecimal(4)))
                .optional().orElseThrow(Refusal::notFound);
        List<String> fixed = jdbc.sql("SELECT question_id FROM exam_paper_question WHERE paper_id = :id ORDER BY position")
                .param("id", id).query((rs, n) -> String.valueOf(rs.getLong(1))).list();
        List<Paper.Rule> rules = jdbc.sql("""
                SELECT category, tag, difficulty, draw_count, points FROM exam_paper_rule WHERE paper_id = :id
                ORDER BY position""").param("id", id)
                .query((rs, n) -> new Paper.Rule(rs.getString(1), rs.getString(2),
                        (Integer) rs.getObject(3, Integer.class), rs.getInt(4), Json.plain(rs.getBigDecimal(5))))
                .list();
        return new Paper(h.id(), h.title(), fixed, rules, h.partial(), Json.plain(h.fixedPoints()));
    }

    @Transactional
    public Paper create(Paper input) {
        Paper p = checked(input);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO exam_paper (title, partial_credit, fixed_points, created_at, updated_at)
                VALUES (:title, :partial, :fixedPoints, :now, :now)""")
                .param("title", p.title()).param("partial", p.partialCredit()).param("fixedPoints", p.fixedPoints())
                .param("now", now).update(keys, "id");
        long id = Ids.of(keys);
        writeParts(id, p);
        audit.record("exam.paper.create", "exam_paper", id);
        return find(id);
    }

    @Transactional
    public Paper update(long id, Paper input) {
        find(id);
        Paper p = checked(input);
        jdbc.sql("""
                UPDATE exam_paper SET title = :title, partial_credit = :partial, fixed_points = :fixedPoints,
                       updated_at = :now WHERE id = :id""")
                .param("title", p.title()).param("partial", p.partialCredit()).param("fixedPoints", p.fixedPoints())
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        jdbc.sql("DELETE FROM exam_paper_question WHERE paper_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM exam_paper_rule WHERE paper_id = :id").param("id", id).update();
        writeParts(id, p);
        // papers assembled ahead from the old rules are drawn again
        jdbc.sql("""
                DELETE FROM exam_attempt_item WHERE attempt_id IN (SELECT a.id FROM exam_attempt a
                    JOIN exam_exam e ON e.id = a.exam_id WHERE e.paper_id = :id AND a.status = 'PREPARED')""")
                .param("id", id).update();
        jdbc.sql("""
                DELETE FROM exam_attempt WHERE status = 'PREPARED'
                AND exam_id IN (SELECT id FROM exam_exam WHERE paper_id = :id)""").param("id", id).update();
        jdbc.sql("UPDATE exam_exam SET prepared_at = NULL WHERE paper_id = :id").param("id", id).update();
        audit.record("exam.paper.update", "exam_paper", id);
        return find(id);
    }

    private void writeParts(long id, Paper p) {
        for (int i = 0; i < p.fixedQuestionIds().size(); i++) {
            jdbc.sql("INSERT INTO exam_paper_question (paper_id, position, question_id) VALUES (:p, :i, :q)")
                    .param("p", id).param("i", i).param("q", Long.parseLong(p.fixedQuestionIds().get(i))).update();
        }
        for (int i = 0; i < p.rules().size(); i++) {
            Paper.Rule r = p.rules().get(i);
            jdbc.sql("""
                    INSERT INTO exam_paper_rule (paper_id, position, category, tag, difficulty, draw_count, points)
                    VALUES (:p, :i, :category, :tag, :difficulty, :count, :points)""")
                    .param("p", id).param("i", i).param("category", r.category()).param("tag", r.tag())
                    .param("difficulty", r.difficulty()).param("count", r.count()).param("points", r.points())
                    .update();
        }
    }

    /** The paper checked against the bank, or 400 naming every bad field and every rule that lacks questions. */
    Paper checked(Paper p) {
        List<FieldError> errors = new ArrayList<>();
        if (p.title() == null || p.title().isBlank() || p.title().length() > 200) {
            errors.add(new FieldError("title", "exam.error.title"));
        }
        BigDecimal fixedPoints = p.fixedPoints() == null ? BigDecimal.ONE : p.fixedPoints();
        if (fixedPoints.signum() <= 0 || fixedPoints.compareTo(BigDecimal.valueOf(1000)) > 0) {
            errors.add(new FieldError("fixedPoints", "exam.error.points"));
        }
        Set<Long> fixed = new HashSet<>();
        List<Long> fixedIds = new ArrayList<>();
        for (String s : p.fixedQuestionIds()) {
            try {
                long qid = Long.parseLong(s == null ? "" : s.strip());
                if (!fixed.add(qid)) {
                    throw new NumberFormatException();
                }
                fixedIds.add(qid);
            } catch (NumberFormatException e) {
                errors.add(new FieldError("fixedQuestionIds", "exam.error.fixedQuestions"));
                break;
            }
        }
        if (!fixedIds.isEmpty()) {
            long present = jdbc.sql("SELECT COUNT(*) FROM exam_question WHERE deleted = FALSE AND id IN (:ids)")
                    .param("ids", fixedIds).query(Long.class).single();
            if (present != fixedIds.size()) {
                errors.add(new FieldError("fixedQuestionIds", "exam.error.fixedQuestions"));
            }
        }
        List<Paper.Rule> rules = new ArrayList<>();
        for (int i = 0; i < p.rules().size(); i++) {
            Paper.Rule r = p.rules().get(i);
            String f = "rules[" + i + "]";
            if (r == null || r.category() == null || r.category().isBlank()) {
                errors.add(new FieldError(f + ".category", "exam.error.category"));
                continue;
            }
            if (r.count() == null || r.count() < 1 || r.count() > 500) {
                errors.add(new FieldError(f + ".count", "exam.error.count"));
            }
            if (r.points() == null || r.points().signum() <= 0 || r.points().compareTo(BigDecimal.valueOf(1000)) > 0) {
                errors.add(new FieldError(f + ".points", "exam.error.points"));
            }
            if (r.difficulty() != null && (r.difficulty() < 1 || r.difficulty() > 5)) {
                errors.add(new FieldError(f + ".difficulty", "exam.error.difficulty"));
            }
            String tag = r.tag() == null || r.tag().isBlank() ? null : r.tag().strip();
            rules.add(new Paper.Rule(r.category().strip(), tag, r.difficulty(), r.count(), r.points()));
        }
        if (fixedIds.isEmpty() && p.rules().isEmpty()) {
            errors.add(new FieldError("fixedQuestionIds", "exam.error.emptyPaper"));
        }
        if (errors.isEmpty() && !rules.isEmpty()) {
            Paper candidate = new Paper(null, p.title(), p.fixedQuestionIds(), rules, Boolean.TRUE.equals(p.partialCredit()),
                    fixedPoints);
            List<Integer> lacking = pool(candidate).shortfalls();
            for (int i = 0; i < lacking.size(); i++) {
                if (lacking.get(i) > 0) {
                    errors.add(new FieldError("rules[" + i + "].count", "exam.error.ruleShort", i + 1,
                            lacking.get(i)));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalidFields(errors);
        }
        return new Paper(p.id(), p.title().strip(), fixedIds.stream().map(String::valueOf).toList(), rules,
                Boolean.TRUE.equals(p.partialCredit()), fixedPoints);
    }

    /** The paper's candidates, loaded once for any number of draws. */
    Pool pool(Paper p) {
        List<Candidate> fixed = new ArrayList<>();
        if (!p.fixedQuestionIds().isEmpty()) {
            List<Long> ids = p.fixedQuestionIds().stream().map(Long::parseLong).toList();
            Map<Long, Integer> versions = new HashMap<>();
            jdbc.sql("SELECT id, current_version FROM exam_question WHERE id IN (:ids)").param("ids", ids)
                    .query((rs, n) -> versions.put(rs.getLong(1), rs.getInt(2))).list();
            ids.forEach(id -> fixed.add(new Candidate(id, versions.get(id))));
        }
        List<List<Candidate>> perRule = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<BigDecimal> points = new ArrayList<>();
        for (Paper.Rule r : p.rules()) {
            StringBuilder sql = new StringBuilder(
                    "SELECT id, current_version FROM exam_question WHERE deleted = FALSE AND category = :category");
            Map<String, Object> params = new HashMap<>();
            params.put("category", r.category());
            if (r.tag() != null) {
                sql.append(" AND tags LIKE :tag");
                params.put("tag", "%|" + r.tag() + "|%");
            }
            if (r.difficulty() != null) {
                sql.append(" AND difficulty = :difficulty");
                params.put("difficulty", r.difficulty());
            }
            sql.append(" ORDER BY id");
            perRule.add(jdbc.sql(sql.toString()).params(params)
                    .query((rs, n) -> new Candidate(rs.getLong(1), rs.getInt(2))).list());
            counts.add(r.count());
            points.add(r.points());
        }
        return new Pool(fixed, p.fixedPoints() == null ? BigDecimal.ONE : p.fixedPoints(), perRule, counts, points);
    }
}
