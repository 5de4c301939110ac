package cn.jiandu.training;

/** 已提交 → 退回修改 (and resubmitted) / 已采纳 / 未采纳; 已采纳 → 已发布. */
public enum CaseStatus {
    SUBMITTED, RETURNED, ACCEPTED, DECLINED, PUBLISHED;

    public String messageKey() {
        return "case.status." + name();
    }
}
