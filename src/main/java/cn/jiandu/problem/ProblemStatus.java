package cn.jiandu.problem;

/** The life of a report: 待分办 → 待受理 → 办理中 → 待评价 → 已办结, or 已移交 as a problem clue. */
public enum ProblemStatus {
    PENDING_DISPATCH, DISPATCHED, IN_PROGRESS, REPLIED, CLOSED, TRANSFERRED;

    public boolean isOpenAtUnit() {
        return this == DISPATCHED || this == IN_PROGRESS;
    }

    public String messageKey() {
        return "problem.status." + name();
    }
}
