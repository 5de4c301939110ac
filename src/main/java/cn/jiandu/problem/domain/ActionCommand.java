package cn.jiandu.problem.domain;

import cn.jiandu.problem.ProblemAction;

/** {@code POST /api/v1/problems/{id}/actions}. */
public record ActionCommand(ProblemAction action, String comment, Long handlingUnitId, Integer days) {
}
