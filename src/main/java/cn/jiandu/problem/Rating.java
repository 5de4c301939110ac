package cn.jiandu.problem;

/** The reporter's verdict on a reply: 满意, 基本满意, 不满意 (reopens the report). */
public enum Rating {
    SATISFIED, BASICALLY_SATISFIED, DISSATISFIED;

    public boolean isSatisfied() {
        return this != DISSATISFIED;
    }

    public String messageKey() {
        return "problem.rating." + name();
    }
}
