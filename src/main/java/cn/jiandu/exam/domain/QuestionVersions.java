package cn.jiandu.exam.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads question versions. What an attempt shows (type, stem, options) is immutable per version, so it is kept in
 * memory: opening an attempt of 30 questions asks the database only for the attempt's own rows. Keys are read from
 * the database whenever a score depends on them (they may be corrected).
 */
@Component
class QuestionVersions {

    record Key(long questionId, int version) {
    }

    private final JdbcClient jdbc;
    private final Map<Key, QuestionVersion> shown = new ConcurrentHashMap<>();

    QuestionVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The versions with their current keys, straight from the database. */
    Map<Key, QuestionVersion> fresh(Collection<Key> keys) {
        Map<Key, QuestionVersion> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        List<Long> ids = keys.stream().map(Key::questionId).distinct().toList();
        jdbc.sql("""
                SELECT v.question_id, v.version, v.type, v.stem, v.options, v.answer, v.explanation, q.category
                FROM exam_question_version v JOIN exam_question q ON q.id = v.question_id
                WHERE v.question_id IN (:ids)""")
                .param("ids", ids)
                .query((rs, n) -> new QuestionVersion(rs.getLong(1), rs.getInt(2), QuestionType.valueOf(rs.getString(3)),
                        rs.getString(4), Json.options(rs.getString(5)), Json.strings(rs.getString(6)), rs.getString(7),
                        rs.getString(8)))
                .list().forEach(v -> {
                    Key k = new Key(v.questionId(), v.version());
                    if (keys.contains(k)) {
                        out.put(k, v);
                    }
                });
        return out;
    }

    /** For showing: type, stem and options (the key of the cached copy may be stale; never grade with it). */
    Map<Key, QuestionVersion> forShowing(Collection<Key> keys) {
        Map<Key, QuestionVersion> out = new HashMap<>();
        List<Key> missing = new java.util.ArrayList<>();
        for (Key k : keys) {
            QuestionVersion v = shown.get(k);
            if (v == null) {
                missing.add(k);
            } else {
                out.put(k, v);
            }
        }
        if (!missing.isEmpty()) {
            Map<Key, QuestionVersion> read = fresh(missing);
            shown.putAll(read);
            out.putAll(read);
        }
        return out;
    }

    QuestionVersion forShowing(long questionId, int version) {
        Key k = new Key(questionId, version);
        QuestionVersion v = forShowing(List.of(k)).get(k);
        if (v == null) {
            throw new IllegalStateException("question version missing: " + k);
        }
        return v;
    }

    /** A version changed in place (only ever before anyone saw it). */
    void forget(long questionId) {
        shown.keySet().removeIf(k -> k.questionId() == questionId);
    }
}
