package cn.jiandu.ledger;

import java.util.Arrays;
import java.util.Optional;

/**
 * The figures the ledger (履职成效记录台账) keeps per supervisor and period. The JSON names are the REST contract's
 * ({@code metrics.feedbackOnTimeRate}, ...); assessment schemes name them in their METRIC indicators.
 */
public enum LedgerMetric {
    /** 履职反馈及时率: duty-material periods submitted on time / due (0..1, null while none was due). */
    FEEDBACK_ON_TIME_RATE("feedbackOnTimeRate"),
    /** 监督支撑材料: files contributed to 履职材料反馈 and 工作亮点. */
    MATERIALS("materials"),
    /** 警示教育工作记录: warning-education sessions attended. */
    WARNING_EDUCATION("warningEducation"),
    /** 谈心谈话 recorded. */
    TALKS("talks"),
    /** 考试成绩: the best counted score (percent of the paper's maximum), null without an exam. */
    EXAM_BEST("examBest"),
    /** 考试成绩: the latest counted score (percent), null without an exam. */
    EXAM_LATEST("examLatest"),
    /** 发现问题: his 监督一点通 reports. */
    PROBLEMS_REPORTED("problemsReported"),
    /** of those, transferred as problem clues (问题线索移交). */
    PROBLEMS_TRANSFERRED("problemsTransferred"),
    /** 整改情况: of those, resolved (closed after rectification). */
    PROBLEMS_RESOLVED("problemsResolved"),
    /** of those, rated 满意 or 基本满意. */
    PROBLEMS_SATISFIED("problemsSatisfied"),
    /** of those, overdue (超期) at any time. */
    PROBLEMS_OVERDUE("problemsOverdue"),
    /** 优秀案例 selected. */
    CASES_SELECTED("casesSelected"),
    /** 五个一 items done (0..5). */
    ONBOARDING_DONE("onboardingDone");

    private final String jsonName;

    LedgerMetric(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** Whether the figure is a rate 0..1 (others are counts or percent scores). */
    public boolean isRate() {
        return this == FEEDBACK_ON_TIME_RATE;
    }

    public static Optional<LedgerMetric> ofJson(String name) {
        return Arrays.stream(values()).filter(m -> m.jsonName.equals(name)).findFirst();
    }
}
