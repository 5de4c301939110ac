package cn.jiandu.training.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import cn.jiandu.shared.time.ClockConfig;

/** Small conversions shared by the module's queries. */
final class Db {

    private Db() {
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(ClockConfig.ZONE).toOffsetDateTime();
    }
}
