package cn.jiandu.exam.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 错题本: every question a person got wrong, in an exam or in practice, stays until he answers it right twice in a
 * row.
 */
@Component
public class WrongBook {

    public static final int RIGHT_IN_A_ROW = 2;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    WrongBook(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void record(long userId, List<Long> right, List<Long> wrong, Instant at) {
        if (right.isEmpty() && wrong.isEmpty()) {
            return;
        }
        List<Long> all = new ArrayList<>(right);
        all.addAll(wrong);
        Set<Long> inBook = new HashSet<>(jdbc.sql("SELECT question_id FROM exam_wrong_book WHERE user_id = :u "
                + "AND question_id IN (:q)").param("u", userId).param("q", all).query(Long.class).list());
        Timestamp ts = Timestamp.from(at);
        // one batch per kind of write, not one statement per question (a submit grades a whole paper)
        List<MapSqlParameterSource> again = new ArrayList<>();
        List<MapSqlParameterSource> added = new ArrayList<>();
        for (Long q : wrong) {
            MapSqlParameterSource row = new MapSqlParameterSource().addValue("u", userId).addValue("q", q)
                    .addValue("at", ts);
            (inBook.contains(q) ? again : added).add(row);
        }
        if (!again.isEmpty()) {
            batch.batchUpdate("""
                    UPDATE exam_wrong_book SET right_streak = 0, wrong_count = wrong_count + 1, last_wrong_at = :at
                    WHERE user_id = :u AND question_id = :q""", again.toArray(MapSqlParameterSource[]::new));
        }
        if (!added.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO exam_wrong_book (user_id, question_id, right_streak, wrong_count, added_at,
                                                 last_wrong_at) VALUES (:u, :q, 0, 1, :at, :at)""",
                    added.toArray(MapSqlParameterSource[]::new));
        }
        List<Long> rightInBook = right.stream().filter(inBook::contains).toList();
        if (!rightInBook.isEmpty()) {
            jdbc.sql("UPDATE exam_wrong_book SET right_streak = right_streak + 1 WHERE user_id = :u "
                    + "AND question_id IN (:q)").param("u", userId).param("q", rightInBook).update();
            jdbc.sql("DELETE FROM exam_wrong_book WHERE user_id = :u AND question_id IN (:q) AND right_streak >= :n")
                    .param("u", userId).param("q", rightInBook).param("n", RIGHT_IN_A_ROW).update();
        }
    }

    public record Entry(String questionId, String category, String stem, int wrongCount, int rightStreak,
            java.time.OffsetDateTime lastWrongAt) {
    }

    public List<Entry> of(long userId) {
        return jdbc.sql("""
                SELECT w.question_id, q.category, q.stem, w.wrong_count, w.right_streak, w.last_wrong_at
                FROM exam_wrong_book w JOIN exam_question q ON q.id = w.question_id
                WHERE w.user_id = :u AND q.deleted = FALSE ORDER BY w.last_wrong_at DESC, w.question_id""")
                .param("u", userId)
                .query((rs, n) -> new Entry(String.valueOf(rs.getLong(1)), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getInt(5), Exams.at(rs.getTimestamp(6))))
                .list();
    }

    List<Long> questionIds(long userId, String category, int limit) {
        return jdbc.sql("""
                SELECT w.question_id FROM exam_wrong_book w JOIN exam_question q ON q.id = w.question_id
                WHERE w.user_id = :u AND q.deleted = FALSE AND (:c = '' OR q.category = :c)
                ORDER BY w.last_wrong_at DESC, w.question_id LIMIT :n""")
                .param("u", userId).param("c", category == null ? "" : category).param("n", limit)
                .query(Long.class).list();
    }
}
