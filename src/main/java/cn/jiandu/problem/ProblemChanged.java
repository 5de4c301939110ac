package cn.jiandu.problem;

/**
 * A report moved on in a way its reporter's ledger counts (replied, transferred as a clue, reopened by a
 * 不满意 rating, withdrawn). {@code reporterId} is null for anonymous reports. Reported and closed reports have their
 * own events ({@link ProblemReported}, {@link ProblemClosed}).
 */
public record ProblemChanged(long problemId, Long reporterId, ProblemStatus status) {
}
