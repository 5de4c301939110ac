package cn.jiandu.exam.domain;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which question version each question of an attempt shows, kept in memory: an attempt's questions and versions are
 * fixed when it is assembled (a paper assembled ahead and drawn again is a new attempt with a new id), so an answer
 * save needs no statement to learn them. A read cache of immutable rows, bounded (least recently used first out);
 * on another node, or after eviction, it is read again. Never the only copy of anything.
 */
@Component
class AttemptItemVersions {

    static final int CAPACITY = 20_000;

    private final JdbcClient jdbc;
    private final Map<Long, Map<Long, Integer>> byAttempt = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Map<Long, Integer>> eldest) {
            return size() > CAPACITY;
        }
    };

    AttemptItemVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The version shown for this question in this attempt, or null when the question is not in it. */
    Integer versionOf(long attemptId, long questionId) {
        Map<Long, Integer> items;
        synchronized (byAttempt) {
            items = byAttempt.get(attemptId);
        }
        if (items == null) {
            Map<Long, Integer> read = new HashMap<>();
            jdbc.sql("SELECT question_id, question_version FROM exam_attempt_item WHERE attempt_id = :a")
                    .param("a", attemptId).query((rs, n) -> read.put(rs.getLong(1), rs.getInt(2))).list();
            if (read.isEmpty()) {
                return null;
            }
            remember(attemptId, read);
            items = read;
        }
        return items.get(questionId);
    }

    /** Called by whoever read the attempt's items anyway (its start or resume), so that its first save reads none. */
    void remember(long attemptId, Map<Long, Integer> versions) {
        Map<Long, Integer> copy = Map.copyOf(versions);
        synchronized (byAttempt) {
            byAttempt.put(attemptId, copy);
        }
    }
}
