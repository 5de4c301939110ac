package cn.jiandu.problem.domain;

import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.shared.security.JianduPrincipal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What of a report's handling a reader sees beyond the report itself. The clue-transfer exchange between the handling
 * unit and the discipline office (移交申请, its rejection) is internal: only the office, the leaders and the unit's
 * handlers see it; the reporter and the branch secretaries do not even learn that a transfer was proposed. Once a
 * report is transferred, whoever may still read it without seeing everything (the reporter) learns that it went to the
 * office, not what the office wrote.
 */
final class ReaderView {

    private static final Set<String> INTERNAL_STEPS = Set.of("PROPOSE_TRANSFER", "REJECT_TRANSFER");

    private ReaderView() {
    }

    static boolean seesTransferProposals(JianduPrincipal me, Problem p) {
        return me.seesEverything() || Permissions.isUnitHandler(me, p);
    }

    /** The pending proposal's time for those who see proposals, else null. */
    static Instant transferProposedAt(JianduPrincipal me, Problem p) {
        return seesTransferProposals(me, p) ? p.transferProposedAt() : null;
    }

    static List<Step> timeline(JianduPrincipal me, Problem p, List<Step> steps) {
        List<Step> result = steps;
        if (!seesTransferProposals(me, p)) {
            result = result.stream().filter(s -> !INTERNAL_STEPS.contains(s.action())).toList();
        }
        if (p.status() == ProblemStatus.TRANSFERRED && !me.seesEverything()) {
            result = result.stream().map(s -> "TRANSFER_CLUE".equals(s.action()) ? new Step(s.id(), s.problemId(),
                    s.action(), null, Actor.Side.SYSTEM, null, s.handlingUnitId(), s.occurredAt()) : s).toList();
        }
        return result;
    }
}
