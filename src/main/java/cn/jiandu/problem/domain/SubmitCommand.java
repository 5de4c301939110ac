package cn.jiandu.problem.domain;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a reporter sends (part {@code problem} of the multipart request); {@code position} only with his consent.
 */
@Schema(description = "A 随手拍 report. Photos travel as parts named photos (at most jiandu.problem.max-photos, each at "
        + "most jiandu.problem.max-photo-bytes, content-checked as images whatever their name says; the pages shrink "
        + "them in the browser to a long edge of 2048 px before sending). position is optional and needs the "
        + "reporter's consent.")
public record SubmitCommand(String title, String description, String categoryCode, Long orgUnitId, String location,
        Boolean anonymous, Position position) {

    public SubmitCommand(String title, String description, String categoryCode, Long orgUnitId, String location,
            Boolean anonymous) {
        this(title, description, categoryCode, orgUnitId, location, anonymous, null);
    }
}
