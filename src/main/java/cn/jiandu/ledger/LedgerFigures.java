package cn.jiandu.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * One supervisor's figures for one period, in the contract's shape. A figure whose source module does not deliver it
 * (yet) is null, never 0: {@code materials} waits for a sharing upload event; {@code onboardingDone} is null for an
 * appointment without a 五个一 checklist. {@code warningEducation}, {@code talks} and {@code onboardingDone} are read
 * from training.TrainingFacts, {@code casesSelected} is kept from training.CaseSelected.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LedgerFigures(Double feedbackOnTimeRate, Integer materials, Integer warningEducation, Integer talks,
        BigDecimal examBest, BigDecimal examLatest, Integer problemsReported, Integer problemsTransferred,
        Integer problemsResolved, Integer problemsSatisfied, Integer problemsOverdue, Integer casesSelected,
        Integer onboardingDone) {

    /** The figures by metric, for scoring; absent figures are left out. */
    public Map<LedgerMetric, BigDecimal> byMetric() {
        Map<LedgerMetric, BigDecimal> m = new EnumMap<>(LedgerMetric.class);
        put(m, LedgerMetric.FEEDBACK_ON_TIME_RATE, feedbackOnTimeRate == null ? null
                : BigDecimal.valueOf(feedbackOnTimeRate));
        put(m, LedgerMetric.MATERIALS, materials);
        put(m, LedgerMetric.WARNING_EDUCATION, warningEducation);
        put(m, LedgerMetric.TALKS, talks);
        put(m, LedgerMetric.EXAM_BEST, examBest);
        put(m, LedgerMetric.EXAM_LATEST, examLatest);
        put(m, LedgerMetric.PROBLEMS_REPORTED, problemsReported);
        put(m, LedgerMetric.PROBLEMS_TRANSFERRED, problemsTransferred);
        put(m, LedgerMetric.PROBLEMS_RESOLVED, problemsResolved);
        put(m, LedgerMetric.PROBLEMS_SATISFIED, problemsSatisfied);
        put(m, LedgerMetric.PROBLEMS_OVERDUE, problemsOverdue);
        put(m, LedgerMetric.CASES_SELECTED, casesSelected);
        put(m, LedgerMetric.ONBOARDING_DONE, onboardingDone);
        return m;
    }

    private static void put(Map<LedgerMetric, BigDecimal> m, LedgerMetric k, Object v) {
        if (v instanceof BigDecimal b) {
            m.put(k, b);
        } else if (v instanceof Integer i) {
            m.put(k, BigDecimal.valueOf(i));
        }
    }
}
