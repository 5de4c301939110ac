package cn.jiandu.training.domain;

import cn.jiandu.shared.time.ClockConfig;
import cn.jiandu.training.SessionKind;
import cn.jiandu.training.TrainingFacts;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link TrainingFacts} read straight from the module's tables, so a figure is never stale. */
@Service
class TrainingFactsReader implements TrainingFacts {

    private final JdbcClient jdbc;

    TrainingFactsReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Timestamp start(LocalDate d) {
        return Timestamp.from(d.atStartOfDay(ClockConfig.ZONE).toInstant());
    }

    @Override
    public Map<Long, PersonFigures> ofPeople(Collection<Long> userIds, LocalDate from, LocalDate to) {
        Map<Long, int[]> m = new HashMap<>();
        if (userIds.isEmpty()) {
            return Map.of();
        }
        jdbc.sql("""
                SELECT i.user_id,
                       SUM(CASE WHEN s.kind = :warning AND i.status IN ('PRESENT', 'LATE') THEN 1 ELSE 0 END),
                       SUM(CASE WHEN i.status IN ('PRESENT', 'LATE') THEN 1 ELSE 0 END), COUNT(*)
                FROM training_invitee i JOIN training_session s ON s.id = i.session_id
                WHERE i.user_id IN (:ids) AND s.starts_at >= :from AND s.starts_at < :to
                GROUP BY i.user_id""")
                .param("warning", SessionKind.WARNING_EDUCATION.name()).param("ids", userIds)
                .param("from", start(from)).param("to", start(to.plusDays(1))).query((rs, n) -> {
                    int[] f = m.computeIfAbsent(rs.getLong(1), k -> new int[4]);
                    f[0] = rs.getInt(2);
                    f[2] = rs.getInt(3);
                    f[3] = rs.getInt(4);
                    return null;
                }).list();
        jdbc.sql("""
                SELECT author_id, COUNT(*) FROM training_talk
                WHERE author_id IN (:ids) AND held_on BETWEEN :from AND :to GROUP BY author_id""")
                .param("ids", userIds).param("from", java.sql.Date.valueOf(from))
                .param("to", java.sql.Date.valueOf(to)).query((rs, n) -> {
                    m.computeIfAbsent(rs.getLong(1), k -> new int[4])[1] = rs.getInt(2);
                    return null;
                }).list();
        Map<Long, PersonFigures> out = new HashMap<>();
        m.forEach((u, f) -> out.put(u, new PersonFigures(f[0], f[1], f[2], f[3])));
        return out;
    }

    @Override
    public Map<Long, Integer> onboardingDone(Collection<Long> appointmentIds, LocalDate upTo) {
        Map<Long, Integer> m = new HashMap<>();
        if (appointmentIds.isEmpty()) {
            return m;
        }
        jdbc.sql("""
                SELECT o.appointment_id,
                       SUM(CASE WHEN i.done_at IS NOT NULL AND i.done_at < :upto THEN 1 ELSE 0 END)
                FROM onboarding o JOIN onboarding_item i ON i.appointment_id = o.appointment_id
                WHERE o.appointment_id IN (:ids) GROUP BY o.appointment_id""")
                .param("ids", appointmentIds).param("upto", start(upTo.plusDays(1))).query((rs, n) -> {
                    m.put(rs.getLong(1), rs.getInt(2));
                    return null;
                }).list();
        return m;
    }

    @Override
    public Attendance attendance(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT COUNT(DISTINCT s.id),
                       SUM(CASE WHEN i.user_id IS NULL THEN 0 ELSE 1 END),
                       SUM(CASE WHEN i.status IN ('PRESENT', 'LATE') THEN 1 ELSE 0 END)
                FROM training_session s LEFT JOIN training_invitee i ON i.session_id = s.id
                WHERE s.starts_at >= :from AND s.starts_at < :to""")
                .param("from", start(from)).param("to", start(to.plusDays(1)))
                .query((rs, n) -> new Attendance(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
    }

    @Override
    public List<SelectedCase> selectedCases(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT id, author_id, selected_at FROM training_case
                WHERE selected_at >= :from AND selected_at < :to ORDER BY id""")
                .param("from", start(from)).param("to", start(to.plusDays(1)))
                .query((rs, n) -> new SelectedCase(rs.getLong(1), rs.getLong(2), Db.instant(rs, "selected_at")))
                .list();
    }
}
