package cn.jiandu.assessment;

/** A 约谈's life: opened for a 不合格, scheduled, held (with its summary and follow-up), closed once checked. */
public enum AdmonitionStatus {
    OPEN, SCHEDULED, HELD, CLOSED
}
