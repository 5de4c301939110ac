package cn.jiandu.problem.domain;

import cn.jiandu.problem.CloseReason;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.Rating;
import cn.jiandu.problem.Warning;
import java.time.OffsetDateTime;

/** A report in a list. Never names the reporter: {@code mine} only tells the caller it is his own. */
public record ProblemSummary(String id, String number, String title, String categoryCode, String categoryName,
        String orgUnitId, String orgUnitName, ProblemStatus status, String handlingUnitId, String handlingUnitName,
        OffsetDateTime createdAt, OffsetDateTime dueAt, Warning warning, CloseReason closeReason, Rating rating,
        boolean mine) {
}
