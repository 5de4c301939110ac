package cn.jiandu.problem;

/** What may be done to a report through {@code POST /api/v1/problems/{id}/actions}. */
public enum ProblemAction {
    DISPATCH, REDISPATCH, RETURN, ACCEPT, NOTE, REPLY, REQUEST_EXTENSION, APPROVE_EXTENSION, REJECT_EXTENSION, URGE,
    TRANSFER_CLUE, PROPOSE_TRANSFER, REJECT_TRANSFER, WITHDRAW;

    public String messageKey() {
        return "problem.action." + name();
    }
}
