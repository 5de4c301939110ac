package cn.jiandu.exam.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 练习: questions from the bank (or the wrong-answer book) with immediate feedback; never an exam result. */
@Service
public class Practice {

    public static final int MAX_COUNT = 50;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final QuestionVersions versions;
    private final WrongBook wrongBook;

    Practice(JdbcClient jdbc, Clock clock, QuestionVersions versions, WrongBook wrongBook) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.versions = versions;
        this.wrongBook = wrongBook;
    }

    public record Session(String practiceId, List<AttemptView.Item> questions) {
    }

    public record Feedback(boolean correct, List<String> rightAnswer, String explanation, boolean inWrongBook) {
    }

    @Transactional
    public Session start(String category, boolean fromWrongBook, Integer count, JianduPrincipal me) {
        if (count == null || count < 1 || count > MAX_COUNT) {
            throw Refusal.invalidField("count", "exam.error.practiceCount", MAX_COUNT);
        }
        String cat = category == null || category.isBlank() ? null : category.strip();
        List<Long> ids;
        if (fromWrongBook) {
            ids = wrongBook.questionIds(me.id(), cat, count);
        } else {
            List<Long> all = jdbc.sql("SELECT id FROM exam_question WHERE deleted = FALSE AND (:c = '' OR category = :c)")
                    .param("c", cat == null ? "" : cat).query(Long.class).list();
            List<Long> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, ThreadLocalRandom.current());
            ids = shuffled.subList(0, Math.min(count, shuffled.size()));
        }
        if (ids.isEmpty()) {
            throw Refusal.invalidField(fromWrongBook ? "fromWrongBook" : "category", "exam.error.practiceEmpty");
        }
        Map<Long, Integer> current = new java.util.HashMap<>();
        jdbc.sql("SELECT id, current_version FROM exam_question WHERE id IN (:ids)").param("ids", ids)
                .query((rs, n) -> current.put(rs.getLong(1), rs.getInt(2))).list();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO exam_practice (user_id, category, from_wrong_book, created_at) VALUES (:u, :c, :w, :now)")
                .param("u", me.id()).param("c", cat).param("w", fromWrongBook)
                .param("now", Timestamp.from(clock.instant())).update(keys, "id");
        long id = Ids.of(keys);
        List<AttemptView.Item> items = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            long q = ids.get(i);
            int v = current.get(q);
            jdbc.sql("""
                    INSERT INTO exam_practice_item (practice_id, question_id, question_version, position)
                    VALUES (:p, :q, :v, :i)""").param("p", id).param("q", q).param("v", v).param("i", i).update();
            QuestionVersion qv = versions.forShowing(q, v);
            items.add(new AttemptView.Item(String.valueOf(q), qv.type(), qv.stem(), qv.options(), null));
        }
        return new Session(String.valueOf(id), items);
    }

    /** One question of a practice as its page shows it; the key and explanation only once it is answered. */
    public record SheetItem(String questionId, QuestionType type, String stem, List<QuestionOption> options,
            List<String> given, Boolean correct, List<String> rightAnswer, String explanation) {

        public boolean answered() {
            return correct != null;
        }
    }

    /** A practice session for its page: its questions in order and how far he got. */
    public record Sheet(String practiceId, String category, boolean fromWrongBook, List<SheetItem> items) {

        public long answered() {
            return items.stream().filter(SheetItem::answered).count();
        }

        public long right() {
            return items.stream().filter(i -> Boolean.TRUE.equals(i.correct())).count();
        }

        /** The first question not answered yet, or -1 when all are. */
        public int next() {
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).answered()) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** His own practice (anyone else's is 404). */
    public Sheet sheet(long practiceId, JianduPrincipal me) {
        record Head(long userId, String category, boolean fromWrongBook) {
        }
        Head h = jdbc.sql("SELECT user_id, category, from_wrong_book FROM exam_practice WHERE id = :id")
                .param("id", practiceId)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getBoolean(3))).optional()
                .filter(x -> x.userId() == me.id()).orElseThrow(Refusal::notFound);
        record Row(long questionId, int version, String answer, Boolean correct) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT question_id, question_version, answer, correct FROM exam_practice_item WHERE practice_id = :p
                ORDER BY position""").param("p", practiceId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2), rs.getString(3),
                        (Boolean) rs.getObject(4, Boolean.class)))
                .list();
        List<QuestionVersions.Key> answered = rows.stream().filter(r -> r.correct() != null)
                .map(r -> new QuestionVersions.Key(r.questionId(), r.version())).toList();
        Map<QuestionVersions.Key, QuestionVersion> keys = versions.fresh(answered);
        List<SheetItem> items = new ArrayList<>();
        for (Row r : rows) {
            QuestionVersions.Key k = new QuestionVersions.Key(r.questionId(), r.version());
            QuestionVersion shown = versions.forShowing(r.questionId(), r.version());
            QuestionVersion key = keys.get(k);
            items.add(new SheetItem(String.valueOf(r.questionId()), shown.type(), shown.stem(), shown.options(),
                    r.answer() == null ? List.of() : Json.strings(r.answer()), r.correct(),
                    key == null ? null : key.answer(), key == null ? null : key.explanation()));
        }
        return new Sheet(String.valueOf(practiceId), h.category(), h.fromWrongBook(), items);
    }

    @Transactional
    public Feedback answer(long practiceId, long questionId, List<String> answer, JianduPrincipal me) {
        Long owner = jdbc.sql("SELECT user_id FROM exam_practice WHERE id = :id").param("id", practiceId)
                .query(Long.class).optional().orElseThrow(Refusal::notFound);
        if (owner != me.id()) {
            throw Refusal.notFound();
        }
        Integer version = jdbc.sql("SELECT question_version FROM exam_practice_item WHERE practice_id = :p "
                + "AND question_id = :q").param("p", practiceId).param("q", questionId).query(Integer.class)
                .optional().orElseThrow(() -> Refusal.invalidField("questionId", "exam.error.notInAttempt"));
        QuestionVersions.Key key = new QuestionVersions.Key(questionId, version);
        QuestionVersion v = versions.fresh(List.of(key)).get(key);
        List<String> given = Attempts.checkedAnswer(v, answer);
        boolean correct = Grading.isRight(v.type(), v.answer(), given);
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE exam_practice_item SET answer = :a, correct = :c, answered_at = :now
                WHERE practice_id = :p AND question_id = :q""")
                .param("a", Json.write(given)).param("c", correct).param("now", Timestamp.from(now))
                .param("p", practiceId).param("q", questionId).update();
        wrongBook.record(me.id(), correct ? List.of(questionId) : List.of(), correct ? List.of() : List.of(questionId),
                now);
        boolean inBook = jdbc.sql("SELECT COUNT(*) FROM exam_wrong_book WHERE user_id = :u AND question_id = :q")
                .param("u", me.id()).param("q", questionId).query(Long.class).single() > 0;
        return new Feedback(correct, v.answer(), v.explanation(), inBook);
    }
}
