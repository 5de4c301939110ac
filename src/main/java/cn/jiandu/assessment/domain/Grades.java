package cn.jiandu.assessment.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * Grade thresholds: 优秀 from {@code excellentFrom}, 合格 from {@code qualifiedFrom}, 不合格 below. With
 * {@code excellentShareCap} (e.g. 0.20) at most that share of the persons assessed (rounded down) are 优秀, taken by
 * rank; ties are decided by the dimension scores in the scheme's order, and a group still tied across the cap's
 * boundary is 合格 as a whole (the cap is never exceeded, and no one is preferred by chance).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Grades(BigDecimal excellentFrom, BigDecimal qualifiedFrom, BigDecimal excellentShareCap) {
}
