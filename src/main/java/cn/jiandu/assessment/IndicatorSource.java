package cn.jiandu.assessment;

/** Where an indicator's score comes from. */
public enum IndicatorSource {
    /** computed from a ledger figure by the indicator's scoring rule */
    METRIC,
    /** scored by the office against a rubric, up to the indicator's maximum */
    RUBRIC,
    /** 加分: added, capped per item and by the dimension's weight */
    BONUS,
    /** 扣分: subtracted, capped per item and by the dimension's weight */
    DEDUCTION
}
