package cn.jiandu.problem;

/** Why a report is closed: rated by the reporter, closed unrated after the rating period, or withdrawn. */
public enum CloseReason {
    RATED, UNRATED, WITHDRAWN;

    public String messageKey() {
        return "problem.closeReason." + name();
    }
}
