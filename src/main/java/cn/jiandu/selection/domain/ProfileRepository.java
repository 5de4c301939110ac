package cn.jiandu.selection.domain;

import cn.jiandu.selection.PerformanceGrade;
import cn.jiandu.selection.PoliticalStatus;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 人员档案 rows and their yearly grades. */
@Repository
class ProfileRepository {

    private final JdbcClient jdbc;

    ProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Profile> find(long userId) {
        Map<Integer, PerformanceGrade> grades = new HashMap<>();
        jdbc.sql("SELECT perf_year, grade FROM person_performance WHERE user_id = :u").param("u", userId)
                .query(rs -> {
                    grades.put(rs.getInt(1), PerformanceGrade.valueOf(rs.getString(2)));
                });
        return jdbc.sql("""
                SELECT political_status, party_join_date, post, frontline_years, disciplinary_record
                FROM person_profile WHERE user_id = :u""").param("u", userId)
                .query((rs, n) -> {
                    Date joined = rs.getDate(2);
                    return new Profile(userId, PoliticalStatus.valueOf(rs.getString(1)),
                            joined == null ? null : joined.toLocalDate(), rs.getString(3), rs.getInt(4), grades,
                            rs.getBoolean(5));
                }).optional();
    }

    void save(Profile p, Instant now, Long by) {
        int n = jdbc.sql("""
                UPDATE person_profile SET political_status = :ps, party_join_date = :joined, post = :post,
                    frontline_years = :years, disciplinary_record = :disc, updated_at = :now, updated_by = :by
                WHERE user_id = :u""")
                .param("ps", p.politicalStatus().name())
                .param("joined", p.partyJoinDate() == null ? null : Date.valueOf(p.partyJoinDate()))
                .param("post", p.post()).param("years", p.frontlineYears()).param("disc", p.disciplinaryRecord())
                .param("now", Timestamp.from(now)).param("by", by).param("u", p.userId()).update();
        if (n == 0) {
            jdbc.sql("""
                    INSERT INTO person_profile (user_id, political_status, party_join_date, post, frontline_years,
                        disciplinary_record, updated_at, updated_by)
                    VALUES (:u, :ps, :joined, :post, :years, :disc, :now, :by)""")
                    .param("ps", p.politicalStatus().name())
                    .param("joined", p.partyJoinDate() == null ? null : Date.valueOf(p.partyJoinDate()))
                    .param("post", p.post()).param("years", p.frontlineYears())
                    .param("disc", p.disciplinaryRecord()).param("now", Timestamp.from(now)).param("by", by)
                    .param("u", p.userId()).update();
        }
        jdbc.sql("DELETE FROM person_performance WHERE user_id = :u").param("u", p.userId()).update();
        p.performance().forEach((year, grade) -> jdbc.sql(
                        "INSERT INTO person_performance (user_id, perf_year, grade) VALUES (:u, :y, :g)")
                .param("u", p.userId()).param("y", year).param("g", grade.name()).update());
    }
}
