package cn.jiandu.problem.domain;

import cn.jiandu.problem.ProblemPermissions;
import cn.jiandu.shared.security.JianduPrincipal;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reporter's shared position, kept beside the report and out of the aggregate: no list, export or handler view
 * selects these columns, so only {@link #readableBy} decides who gets it.
 */
@Repository
class ReportPositions {

    private final JdbcClient jdbc;

    ReportPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void store(long problemId, Position p) {
        if (p == null) {
            return;
        }
        jdbc.sql("UPDATE problem SET latitude = :lat, longitude = :lng, position_accuracy_m = :acc WHERE id = :id")
                .param("lat", p.latitude()).param("lng", p.longitude()).param("acc", p.accuracyMeters())
                .param("id", problemId).update();
    }

    /** The reporter himself and the discipline office; no one else, whatever else he may read of the report. */
    Optional<Position> readableBy(JianduPrincipal me, Problem p) {
        if (p.reporterId() != me.id() && !me.can(ProblemPermissions.REVEAL_REPORTER)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT latitude, longitude, position_accuracy_m FROM problem WHERE id = :id")
                .param("id", p.id()).query((rs, n) -> {
                    double lat = rs.getDouble("latitude");
                    if (rs.wasNull()) {
                        return null;
                    }
                    double lng = rs.getDouble("longitude");
                    double acc = rs.getDouble("position_accuracy_m");
                    Double accuracy = rs.wasNull() ? null : acc;
                    return new Position(lat, lng, accuracy);
                }).list().stream().filter(java.util.Objects::nonNull).findFirst();
    }
}
