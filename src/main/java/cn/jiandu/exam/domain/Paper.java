package cn.jiandu.exam.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.List;

/**
 * 试卷 (REST contract): fixed questions (each worth {@code fixedPoints}, default 1) and/or rules drawing questions
 * at random per attempt. {@code partialCredit}: multiple-choice questions score a share for a subset of the right
 * keys.
 */
public record Paper(@JsonFormat(shape = JsonFormat.Shape.STRING) Long id, String title, List<String> fixedQuestionIds,
        List<Rule> rules, Boolean partialCredit, BigDecimal fixedPoints) {

    public Paper {
        fixedQuestionIds = fixedQuestionIds == null ? List.of() : List.copyOf(fixedQuestionIds);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** Draw {@code count} questions of a category (and optionally a tag and a difficulty), each worth {@code points}. */
    public record Rule(String category, String tag, Integer difficulty, Integer count, BigDecimal points) {
    }

    public BigDecimal maxScore() {
        BigDecimal fixed = (fixedPoints == null ? BigDecimal.ONE : fixedPoints)
                .multiply(BigDecimal.valueOf(fixedQuestionIds.size()));
        return rules.stream().map(r -> r.points().multiply(BigDecimal.valueOf(r.count()))).reduce(fixed,
                BigDecimal::add);
    }
}
