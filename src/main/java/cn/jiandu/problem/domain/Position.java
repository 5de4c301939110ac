package cn.jiandu.problem.domain;

import cn.jiandu.shared.Refusal;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The reporter's position, sent only with his consent (the 随手拍 form's 附上我的位置 box): WGS-84 degrees as the
 * browser's geolocation gives them, and its accuracy radius in metres (optional).
 */
@Schema(description = "Optional, with the reporter's consent: WGS-84 position from the browser's geolocation. Stored "
        + "with the report; returned only to the reporter and to the discipline office (problem:reveal-reporter), "
        + "never to handlers, who see the place text (location) only.")
public record Position(@Schema(description = "degrees, -90..90", example = "21.4817") Double latitude,
        @Schema(description = "degrees, -180..180", example = "109.1200") Double longitude,
        @Schema(description = "accuracy radius in metres, >= 0, optional", example = "25") Double accuracyMeters) {

    /** Null when nothing was sent; refuses half a position or values off the globe. */
    static Position checked(Position p) {
        if (p == null || (p.latitude == null && p.longitude == null && p.accuracyMeters == null)) {
            return null;
        }
        if (p.latitude == null || p.longitude == null || !(Math.abs(p.latitude) <= 90)
                || !(Math.abs(p.longitude) <= 180)
                || (p.accuracyMeters != null && !(p.accuracyMeters >= 0 && p.accuracyMeters < 1_000_000))) {
            throw Refusal.invalidField("position", "problem.error.position");
        }
        return p;
    }
}
