package cn.jiandu.selection;

/** What a step owner (or the nominator) does with a nomination. */
public enum NominationAction {
    APPROVE, RETURN, REJECT, HANDOVER, WITHDRAW;

    public String messageKey() {
        return "nomination.action." + name();
    }
}
