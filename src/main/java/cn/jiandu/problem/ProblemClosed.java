package cn.jiandu.problem;

/** A report was closed (rated, unrated or withdrawn). {@code reporterId} is null for anonymous reports. */
public record ProblemClosed(long problemId, Long reporterId, CloseReason reason, Rating rating) {
}
