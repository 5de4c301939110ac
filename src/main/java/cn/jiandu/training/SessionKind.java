package cn.jiandu.training;

import java.util.Optional;

/** What kind of training session it is. Four kinds complete an item of the 五个一 checklist when attended. */
public enum SessionKind {
    /** 季度监督员专题业务培训班, the 必修课. */
    QUARTERLY_CLASS(null),
    /** 三会一课支部培训: a branch trains within its 三会一课. */
    BRANCH_TRAINING(null),
    /** 警示教育. */
    WARNING_EDUCATION(OnboardingItemCode.WARNING),
    /** 理论学习. */
    THEORY(OnboardingItemCode.THEORY),
    /** 监督方法指导. */
    METHOD(OnboardingItemCode.METHOD),
    /** 座谈交流. */
    DISCUSSION(OnboardingItemCode.DISCUSSION),
    /** 现场指导. */
    ONSITE(null);

    private final OnboardingItemCode completes;

    SessionKind(OnboardingItemCode completes) {
        this.completes = completes;
    }

    /** The 五个一 item that attending a session of this kind completes, if any. */
    public Optional<OnboardingItemCode> completes() {
        return Optional.ofNullable(completes);
    }

    public String messageKey() {
        return "training.kind." + name();
    }
}
