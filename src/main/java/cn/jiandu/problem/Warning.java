package cn.jiandu.problem;

/** 三色预警: none, blue (not accepted in time), yellow (due soon or reopened), red (overdue or repeatedly failing). */
public enum Warning {
    NONE, BLUE, YELLOW, RED;

    public String messageKey() {
        return "problem.warning." + name();
    }
}
