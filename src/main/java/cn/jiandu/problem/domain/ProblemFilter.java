package cn.jiandu.problem.domain;

import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.Warning;
import java.time.LocalDate;

/**
 * The list's filters (all optional). {@code mine}: only my own reports (我的反映); {@code assigned}: only what is
 * assigned to my unit (承办 queues); {@code transferProposed}: only reports with a clue-transfer proposal waiting for
 * the office — among those whose proposals the caller may see (the office, the leaders, the unit's handlers; nobody
 * else learns that a transfer was proposed, so for others the filter matches nothing).
 */
public record ProblemFilter(ProblemStatus status, String categoryCode, Long orgUnitId, Warning warning, String q,
        LocalDate from, LocalDate to, boolean mine, boolean assigned, boolean transferProposed, boolean open) {

    /** {@code open}: only what is still being handled (待分办, 待受理, 办理中) — the reporter's 办理中 tab. */
    public ProblemFilter(ProblemStatus status, String categoryCode, Long orgUnitId, Warning warning, String q,
            LocalDate from, LocalDate to, boolean mine, boolean assigned, boolean transferProposed) {
        this(status, categoryCode, orgUnitId, warning, q, from, to, mine, assigned, transferProposed, false);
    }

    public ProblemFilter(ProblemStatus status, String categoryCode, Long orgUnitId, Warning warning, String q,
            LocalDate from, LocalDate to, boolean mine, boolean assigned) {
        this(status, categoryCode, orgUnitId, warning, q, from, to, mine, assigned, false);
    }

    public static ProblemFilter none() {
        return new ProblemFilter(null, null, null, null, null, null, null, false, false);
    }
}
