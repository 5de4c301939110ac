package cn.jiandu.problem.domain;

import java.time.Instant;

/**
 * One entry of a report's timeline (table problem_step). {@code action} is a {@link cn.jiandu.problem.ProblemAction}
 * name or one of SUBMIT, AUTO_DISPATCH, RATE, REOPEN, AUTO_CLOSE.
 */
public record Step(Long id, long problemId, String action, Long actorId, Actor.Side side, String comment,
        Long handlingUnitId, Instant occurredAt) {
}
