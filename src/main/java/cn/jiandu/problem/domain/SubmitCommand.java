package cn.jiandu.problem.domain;

/** What a reporter sends (part {@code problem} of the multipart request). */
public record SubmitCommand(String title, String description, String categoryCode, Long orgUnitId, String location,
        Boolean anonymous) {
}
