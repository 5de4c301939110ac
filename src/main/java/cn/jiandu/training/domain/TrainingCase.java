package cn.jiandu.training.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.training.CaseAction;
import cn.jiandu.training.CaseKind;
import cn.jiandu.training.CaseStatus;
import java.time.Instant;

/**
 * A case and the rules of its life. Submitted → returned (the author edits and resubmits) / accepted / declined;
 * accepted → published. A warning-education case is drafted by the office and starts accepted: nothing is left to
 * review, and the office edits it until it publishes it. Each change answers 409 from a state it does not apply to.
 */
public record TrainingCase(long id, CaseKind kind, CaseStatus status, long authorId, long unitId, CaseText text,
        String categoryCode, Long sourceProblemId, String reviewComment, Long meetingId, String quarter,
        Instant submittedAt, Instant reviewedAt, Instant selectedAt, Instant publishedAt, int version) {

    /** The five texts of a case. */
    public record CaseText(String title, String background, String finding, String handling, String effect) {
    }

    /** The status an action leads to from this one, or 409. */
    public CaseStatus after(CaseAction action) {
        CaseStatus from = status;
        CaseStatus to = switch (action) {
            case RETURN, DECLINE -> from == CaseStatus.SUBMITTED ? (action == CaseAction.RETURN
                    ? CaseStatus.RETURNED : CaseStatus.DECLINED) : null;
            case ACCEPT -> from == CaseStatus.SUBMITTED ? CaseStatus.ACCEPTED : null;
            case PUBLISH -> from == CaseStatus.ACCEPTED ? CaseStatus.PUBLISHED : null;
        };
        if (to == null) {
            throw Refusal.conflict("case.error.transition", action.name(), from.name());
        }
        return to;
    }

    /** Whether an excellent case may be put on a meeting's programme (accepted or already published). */
    public boolean selectable() {
        return kind == CaseKind.EXCELLENT && (status == CaseStatus.ACCEPTED || status == CaseStatus.PUBLISHED);
    }

    /**
     * Who may change the text now: the author of a returned case (which resubmits it), the office while a case is
     * submitted or accepted; nobody once it is declined or published.
     */
    public void checkEditable(boolean byAuthor, boolean byOffice) {
        boolean ok = (byAuthor && status == CaseStatus.RETURNED)
                || (byOffice && (status == CaseStatus.SUBMITTED || status == CaseStatus.ACCEPTED));
        if (!ok) {
            throw Refusal.conflict("case.error.notEditable", status.name());
        }
    }
}
