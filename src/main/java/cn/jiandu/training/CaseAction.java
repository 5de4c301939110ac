package cn.jiandu.training;

/** What the office does with a case through {@code POST /api/v1/cases/{id}/actions}. */
public enum CaseAction {
    RETURN, ACCEPT, DECLINE, PUBLISH;

    public String messageKey() {
        return "case.action." + name();
    }
}
