package cn.jiandu.training;

/** The five items of 五个一, in the source's order. */
public enum OnboardingItemCode {
    /** 一次理论学习. */
    THEORY,
    /** 一次监督方法指导. */
    METHOD,
    /** 一次警示教育. */
    WARNING,
    /** 一次座谈交流. */
    DISCUSSION,
    /** 一次知识测试. */
    TEST;

    public String messageKey() {
        return "training.onboarding.item." + name();
    }
}
