package cn.jiandu.selection;

/** Annual performance: 优秀, 良好, 合格, 不合格 (best first). */
public enum PerformanceGrade {
    EXCELLENT, GOOD, QUALIFIED, UNQUALIFIED;

    /** 良好 or better. */
    public boolean atLeastGood() {
        return this == EXCELLENT || this == GOOD;
    }

    public String messageKey() {
        return "profile.grade." + name();
    }
}
