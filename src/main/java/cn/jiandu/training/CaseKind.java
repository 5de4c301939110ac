package cn.jiandu.training;

/** 优秀案例 (a supervisor's, reviewed by the office) or 警示教育案例 (drafted by the office from a closed report). */
public enum CaseKind {
    EXCELLENT, WARNING_EDUCATION;

    public String messageKey() {
        return "case.kind." + name();
    }
}
