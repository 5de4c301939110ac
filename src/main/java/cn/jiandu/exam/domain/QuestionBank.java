package cn.jiandu.exam.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.Refusal.FieldError;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 题库. Editing a question nobody has seen yet changes it in place; once a version has been drawn into an attempt
 * or a practice, changing its stem, options or type makes a new version (past attempts keep theirs), and changing
 * only its key or explanation is a correction of that version: every submitted attempt that saw it is re-graded.
 */
@Service
public class QuestionBank {

    public static final int MAX_OPTIONS = 8;
    static final List<QuestionOption> TRUE_FALSE_OPTIONS = List.of(new QuestionOption("true", "正确"),
            new QuestionOption("false", "错误"));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final QuestionVersions versions;
    private final Regrading regrading;

    QuestionBank(JdbcClient jdbc, Clock clock, AuditTrail audit, QuestionVersions versions, Regrading regrading) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.versions = versions;
        this.regrading = regrading;
    }

    public List<Question> list(String category, String tag, String q, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT q.id, q.type, q.stem, v.options, v.answer, v.explanation, q.category, q.tags, q.difficulty,
                       q.current_version
                FROM exam_question q JOIN exam_question_version v ON v.question_id = q.id AND v.version = q.current_version
                WHERE q.deleted = FALSE""");
        var params = new java.util.HashMap<String, Object>();
        if (category != null && !category.isBlank()) {
            sql.append(" AND q.category = :category");
            params.put("category", category.strip());
        }
        if (tag != null && !tag.isBlank()) {
            sql.append(" AND q.tags LIKE :tag");
            params.put("tag", "%|" + tag.strip() + "|%");
        }
        if (q != null && !q.isBlank()) {
            sql.append(" AND LOWER(q.stem) LIKE :q");
            params.put("q", "%" + q.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "") + "%");
        }
        sql.append(" ORDER BY q.id LIMIT ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(QuestionBank::map).list();
    }

    public List<String> categories() {
        return jdbc.sql("SELECT DISTINCT category FROM exam_question WHERE deleted = FALSE ORDER BY category")
                .query(String.class).list();
    }

    public Question find(long id) {
        return jdbc.sql("""
                SELECT q.id, q.type, q.stem, v.options, v.answer, v.explanation, q.category, q.tags, q.difficulty,
                       q.current_version
                FROM exam_question q JOIN exam_question_version v ON v.question_id = q.id AND v.version = q.current_version
                WHERE q.id = :id AND q.deleted = FALSE""").param("id", id).query(QuestionBank::map).optional()
                .orElseThrow(Refusal::notFound);
    }

    private static Question map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Question(rs.getLong(1), QuestionType.valueOf(rs.getString(2)), rs.getString(3),
                Json.options(rs.getString(4)), Json.strings(rs.getString(5)), rs.getString(6), rs.getString(7),
                tags(rs.getString(8)), rs.getInt(9), rs.getInt(10));
    }

    static List<String> tags(String stored) {
        return java.util.Arrays.stream(stored.split("\\|")).filter(s -> !s.isEmpty()).toList();
    }

    static String storedTags(List<String> tags) {
        return tags.isEmpty() ? "" : "|" + String.join("|", tags) + "|";
    }

    @Transactional
    public Question create(Question input) {
        Question q = checked(input);
        long id = insert(q);
        audit.record("exam.question.create", "exam_question", id);
        return find(id);
    }

    /** Inserts an already checked question (imports, demo data). */
    long insert(Question q) {
        Timestamp now = Timestamp.from(clock.instant());
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO exam_question (type, category, tags, difficulty, stem, current_version, created_at, updated_at)
                VALUES (:type, :category, :tags, :difficulty, :stem, 1, :now, :now)""")
                .param("type", q.type().name()).param("category", q.category()).param("tags", storedTags(q.tags()))
                .param("difficulty", q.difficulty()).param("stem", q.stem()).param("now", now)
                .update(keys, "id");
        long id = Ids.of(keys);
        insertVersion(id, 1, q);
        return id;
    }

    private void insertVersion(long id, int version, Question q) {
        jdbc.sql("""
                INSERT INTO exam_question_version (question_id, version, type, stem, options, answer, explanation)
                VALUES (:id, :version, :type, :stem, :options, :answer, :explanation)""")
                .param("id", id).param("version", version).param("type", q.type().name()).param("stem", q.stem())
                .param("options", Json.write(q.options())).param("answer", Json.write(q.answer()))
                .param("explanation", q.explanation()).update();
    }

    /** What happened to the question's versions at an update. */
    public enum Change {
        IN_PLACE, NEW_VERSION, CORRECTED
    }

    public record Updated(Question question, Change change, int regradedAttempts) {
    }

    @Transactional
    public Updated update(long id, Question input) {
        Question current = find(id);
        Question q = checked(input);
        boolean seen = seen(id, current.version());
        boolean sameFace = q.type() == current.type() && q.stem().equals(current.stem())
                && q.options().equals(current.options());
        Change change;
        int regraded = 0;
        int version = current.version();
        if (!seen) {
            change = Change.IN_PLACE;
            jdbc.sql("""
                    UPDATE exam_question_version SET type = :type, stem = :stem, options = :options, answer = :answer,
                           explanation = :explanation WHERE question_id = :id AND version = :version""")
                    .param("type", q.type().name()).param("stem", q.stem()).param("options", Json.write(q.options()))
                    .param("answer", Json.write(q.answer())).param("explanation", q.explanation())
                    .param("id", id).param("version", version).update();
            versions.forget(id);
        } else if (sameFace) {
            change = Change.CORRECTED;
            boolean keyChanged = !new HashSet<>(q.answer()).equals(new HashSet<>(current.answer()));
            jdbc.sql("""
                    UPDATE exam_question_version SET answer = :answer, explanation = :explanation,
                           corrected_at = CASE WHEN :keyChanged THEN :now ELSE corrected_at END
                    WHERE question_id = :id AND version = :version""")
                    .param("answer", Json.write(q.answer())).param("explanation", q.explanation())
                    .param("keyChanged", keyChanged).param("now", Timestamp.from(clock.instant()))
                    .param("id", id).param("version", version).update();
            if (keyChanged) {
                regraded = regrading.regrade(id, version);
            }
        } else {
            change = Change.NEW_VERSION;
            version = current.version() + 1;
            insertVersion(id, version, q);
        }
        jdbc.sql("""
                UPDATE exam_question SET type = :type, category = :category, tags = :tags, difficulty = :difficulty,
                       stem = :stem, current_version = :version, updated_at = :now WHERE id = :id""")
                .param("type", q.type().name()).param("category", q.category()).param("tags", storedTags(q.tags()))
                .param("difficulty", q.difficulty()).param("stem", q.stem()).param("version", version)
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        audit.record("exam.question.update", "exam_question", id, cn.jiandu.audit.Outcome.SUCCESS,
                change + (regraded > 0 ? " regraded=" + regraded : ""));
        return new Updated(find(id), change, regraded);
    }

    private boolean seen(long id, int version) {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM exam_attempt_item WHERE question_id = :id AND question_version = :v)
                     + (SELECT COUNT(*) FROM exam_practice_item WHERE question_id = :id AND question_version = :v)""")
                .param("id", id).param("v", version).query(Long.class).single() > 0;
    }

    @Transactional
    public void delete(long id) {
        find(id);
        long inPapers = jdbc.sql("SELECT COUNT(*) FROM exam_paper_question WHERE question_id = :id").param("id", id)
                .query(Long.class).single();
        if (inPapers > 0) {
            throw Refusal.conflict("exam.error.questionInPaper");
        }
        jdbc.sql("UPDATE exam_question SET deleted = TRUE, updated_at = :now WHERE id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        jdbc.sql("DELETE FROM exam_wrong_book WHERE question_id = :id").param("id", id).update();
        audit.record("exam.question.delete", "exam_question", id);
    }

    /** The question checked and normalised, or a refusal naming every bad field. */
    static Question checked(Question q) {
        List<FieldError> errors = problems(q);
        if (!errors.isEmpty()) {
            throw Refusal.invalidFields(errors);
        }
        return normalised(q);
    }

    static Question normalised(Question q) {
        List<QuestionOption> options = switch (q.type()) {
            case TRUE_FALSE -> TRUE_FALSE_OPTIONS;
            case FILL -> List.of();
            default -> q.options().stream().map(o -> new QuestionOption(o.key().strip(), o.text().strip())).toList();
        };
        List<String> answer = q.type() == QuestionType.FILL
                ? q.answer().stream().map(String::strip).distinct().toList()
                : q.answer().stream().map(String::strip).distinct().sorted().toList();
        List<String> tags = q.tags().stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        String explanation = q.explanation() == null || q.explanation().isBlank() ? null : q.explanation().strip();
        return new Question(q.id(), q.type(), q.stem().strip(), options, answer, explanation, q.category().strip(),
                tags, q.difficulty(), q.version());
    }

    /** Every problem with a question, as field errors (also used row by row by the import). */
    static List<FieldError> problems(Question q) {
        List<FieldError> errors = new ArrayList<>();
        if (q.type() == null) {
            errors.add(new FieldError("type", "exam.error.type"));
        }
        if (q.stem() == null || q.stem().isBlank() || q.stem().length() > 2000) {
            errors.add(new FieldError("stem", "exam.error.stem"));
        }
        if (q.category() == null || q.category().isBlank() || q.category().strip().length() > 40) {
            errors.add(new FieldError("category", "exam.error.category"));
        }
        if (q.difficulty() == null || q.difficulty() < 1 || q.difficulty() > 5) {
            errors.add(new FieldError("difficulty", "exam.error.difficulty"));
        }
        if (q.tags().size() > 10 || q.tags().stream().anyMatch(t -> t == null || t.length() > 40 || t.contains("|"))) {
            errors.add(new FieldError("tags", "exam.error.tags"));
        }
        if (q.explanation() != null && q.explanation().length() > 4000) {
            errors.add(new FieldError("explanation", "exam.error.explanation"));
        }
        if (q.type() == null) {
            return errors;
        }
        List<String> answer = q.answer().stream().filter(Objects::nonNull).map(String::strip).toList();
        switch (q.type()) {
            case SINGLE, MULTIPLE -> {
                Set<String> keys = new LinkedHashSet<>();
                boolean bad = q.options().size() < 2 || q.options().size() > MAX_OPTIONS;
                for (QuestionOption o : q.options()) {
                    if (o == null || o.key() == null || !o.key().strip().matches("[A-Za-z0-9]{1,4}")
                            || o.text() == null || o.text().isBlank() || o.text().length() > 500
                            || !keys.add(o.key().strip())) {
                        bad = true;
                    }
                }
                if (bad) {
                    errors.add(new FieldError("options", "exam.error.options", MAX_OPTIONS));
                }
                Set<String> distinct = new HashSet<>(answer);
                boolean badAnswer = answer.isEmpty() || distinct.size() != answer.size() || !keys.containsAll(distinct)
                        || (q.type() == QuestionType.SINGLE && answer.size() != 1);
                if (badAnswer) {
                    errors.add(new FieldError("answer", q.type() == QuestionType.SINGLE ? "exam.error.answerSingle"
                            : "exam.error.answerMultiple"));
                }
            }
            case TRUE_FALSE -> {
                if (answer.size() != 1 || !(answer.get(0).equals("true") || answer.get(0).equals("false"))) {
                    errors.add(new FieldError("answer", "exam.error.answerTrueFalse"));
                }
            }
            case FILL -> {
                if (answer.isEmpty() || answer.stream().anyMatch(a -> a.isEmpty() || a.length() > 200)) {
                    errors.add(new FieldError("answer", "exam.error.answerFill"));
                }
            }
            default -> {
            }
        }
        return errors;
    }

    static Set<String> distinctCategories(List<Question> qs) {
        return qs.stream().map(Question::category).collect(Collectors.toSet());
    }
}
