package cn.jiandu.problem.domain;

import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.Warning;
import java.time.LocalDate;

/**
 * The list's filters (all optional). {@code mine}: only my own reports (我的反映); {@code assigned}: only what is
 * assigned to my unit (承办 queues).
 */
public record ProblemFilter(ProblemStatus status, String categoryCode, Long orgUnitId, Warning warning, String q,
        LocalDate from, LocalDate to, boolean mine, boolean assigned) {

    public static ProblemFilter none() {
        return new ProblemFilter(null, null, null, null, null, null, null, false, false);
    }
}
