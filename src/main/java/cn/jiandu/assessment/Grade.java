package cn.jiandu.assessment;

/** 考核等次. */
public enum Grade {
    /** 优秀 */
    EXCELLENT,
    /** 合格 */
    QUALIFIED,
    /** 不合格: a 约谈 by the discipline secretary follows */
    UNQUALIFIED
}
