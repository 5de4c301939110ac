package cn.jiandu.calendar.domain;

import cn.jiandu.calendar.CalendarDay;
import cn.jiandu.calendar.DayKind;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CalendarRepository {

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CalendarDay> between(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT cal_date, kind, name FROM calendar_day
                        WHERE cal_date BETWEEN :from AND :to ORDER BY cal_date""")
                .param("from", from).param("to", to)
                .query((rs, i) -> new CalendarDay(rs.getObject("cal_date", LocalDate.class),
                        DayKind.valueOf(rs.getString("kind")), rs.getString("name")))
                .list();
    }

    Map<LocalDate, DayKind> kindsBetween(LocalDate from, LocalDate to) {
        Map<LocalDate, DayKind> map = new LinkedHashMap<>();
        between(from, to).forEach(d -> map.put(d.date(), d.kind()));
        return map;
    }

    Optional<CalendarDay> find(LocalDate date) {
        return between(date, date).stream().findFirst();
    }

    void upsert(CalendarDay day) {
        int updated = jdbc.sql("UPDATE calendar_day SET kind = :kind, name = :name WHERE cal_date = :date")
                .param("kind", day.kind().name()).param("name", day.name()).param("date", day.date()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO calendar_day (cal_date, kind, name) VALUES (:date, :kind, :name)")
                    .param("kind", day.kind().name()).param("name", day.name()).param("date", day.date()).update();
        }
    }

    boolean delete(LocalDate date) {
        return jdbc.sql("DELETE FROM calendar_day WHERE cal_date = :date").param("date", date).update() > 0;
    }
}
