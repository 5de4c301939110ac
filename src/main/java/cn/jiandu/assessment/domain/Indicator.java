package cn.jiandu.assessment.domain;

import cn.jiandu.assessment.IndicatorSource;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * One line of a dimension.
 *
 * @param metric the ledger figure (its JSON name, e.g. {@code feedbackOnTimeRate}) for METRIC, optional for
 *               BONUS/DEDUCTION (an item computed from the ledger, e.g. 2 points per selected case)
 * @param max    METRIC/RUBRIC: the most it scores; BONUS/DEDUCTION: the most the office may enter for it
 * @param cap    BONUS/DEDUCTION: the most the item adds or takes in total (computed plus entered), default max
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Indicator(String code, String name, IndicatorSource source, String metric, Rule rule, BigDecimal max,
        BigDecimal cap) {

    public boolean adjusts() {
        return source == IndicatorSource.BONUS || source == IndicatorSource.DEDUCTION;
    }

    /** Whether the office enters a score for it (a rubric, or a bonus/deduction item not computed). */
    public boolean entered() {
        return source == IndicatorSource.RUBRIC || (adjusts() && metric == null);
    }

    BigDecimal itemCap() {
        return cap != null ? cap : max;
    }
}
