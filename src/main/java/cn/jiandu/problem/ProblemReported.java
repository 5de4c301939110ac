package cn.jiandu.problem;

/** A report was submitted. {@code reporterId} is null for anonymous reports (they count in no one's ledger). */
public record ProblemReported(long problemId, String number, Long reporterId, long orgUnitId, String categoryCode) {
}
