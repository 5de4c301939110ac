package cn.jiandu.training.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** training_case_meeting and its presenters. */
@Repository
public class MeetingRepository {

    public record Meeting(long id, String quarter, LocalDate heldOn, String place, long createdBy,
            Instant createdAt) {
    }

    private final JdbcClient jdbc;

    MeetingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String quarter, LocalDate heldOn, String place, long by, Instant now, List<Long> presenterIds) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO training_case_meeting (quarter, held_on, place, created_by, created_at)
                VALUES (:q, :d, :p, :b, :now)""").param("q", quarter).param("d", heldOn).param("p", place)
                .param("b", by).param("now", Db.ts(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        for (long u : presenterIds) {
            jdbc.sql("INSERT INTO training_case_meeting_presenter (meeting_id, user_id) VALUES (:m, :u)")
                    .param("m", id).param("u", u).update();
        }
        return id;
    }

    Optional<Meeting> find(long id) {
        return jdbc.sql("SELECT * FROM training_case_meeting WHERE id = :id").param("id", id)
                .query(MeetingRepository::map).optional();
    }

    List<Meeting> all() {
        return jdbc.sql("SELECT * FROM training_case_meeting ORDER BY held_on DESC, id DESC LIMIT 200")
                .query(MeetingRepository::map).list();
    }

    List<Long> presenters(long meetingId) {
        return jdbc.sql("SELECT user_id FROM training_case_meeting_presenter WHERE meeting_id = :m ORDER BY user_id")
                .param("m", meetingId).query(Long.class).list();
    }

    List<Long> cases(long meetingId) {
        return jdbc.sql("SELECT id FROM training_case WHERE meeting_id = :m ORDER BY id").param("m", meetingId)
                .query(Long.class).list();
    }

    private static Meeting map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Meeting(rs.getLong("id"), rs.getString("quarter"), rs.getObject("held_on", LocalDate.class),
                rs.getString("place"), rs.getLong("created_by"), Db.instant(rs, "created_at"));
    }
}
