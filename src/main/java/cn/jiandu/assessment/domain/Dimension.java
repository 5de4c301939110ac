package cn.jiandu.assessment.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * One of the four dimensions (履职情况反馈, 监督工作质量, 培训及考试, 加分及扣分). Its score lies between 0 and its weight;
 * a dimension of bonus and deduction items only lies between −weight and +weight.
 */
public record Dimension(String code, String name, BigDecimal weight, List<Indicator> indicators) {

    public Dimension {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
}
