package cn.jiandu.selection;

/** 审核中, 已退回 (to the nominator), 已批复, 未通过, 已撤回. */
public enum NominationStatus {
    IN_REVIEW, RETURNED, APPROVED, REJECTED, WITHDRAWN;

    public boolean finished() {
        return this == APPROVED || this == REJECTED || this == WITHDRAWN;
    }

    public String messageKey() {
        return "nomination.status." + name();
    }
}
