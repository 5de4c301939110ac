package cn.jiandu.assessment.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a ledger figure becomes points, always between 0 and the indicator's maximum ({@code scale}):
 * <ul>
 * <li>{@code LINEAR}: 0 at {@code from}, the maximum at {@code to}, linear in between and flat outside; {@code from}
 * may lie above {@code to} for a figure where less is better (overdue problems).</li>
 * <li>{@code STEPS}: the score of the highest step whose {@code atLeast} the figure reaches, 0 below the first.</li>
 * <li>{@code RATIO}: the figure × {@code points}, capped at the maximum.</li>
 * </ul>
 * A figure that is not there (no exam taken yet, no duty period due) scores 0, and the evidence says so.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rule(Kind kind, BigDecimal from, BigDecimal to, List<Step> steps, BigDecimal points) {

    public enum Kind {
        LINEAR, STEPS, RATIO
    }

    public record Step(BigDecimal atLeast, BigDecimal score) {
    }

    public Rule {
        steps = steps == null ? null : List.copyOf(steps);
    }

    public static Rule linear(String from, String to) {
        return new Rule(Kind.LINEAR, new BigDecimal(from), new BigDecimal(to), null, null);
    }

    public static Rule steps(String... atLeastScorePairs) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < atLeastScorePairs.length; i += 2) {
            steps.add(new Step(new BigDecimal(atLeastScorePairs[i]), new BigDecimal(atLeastScorePairs[i + 1])));
        }
        return new Rule(Kind.STEPS, null, null, steps, null);
    }

    public static Rule ratio(String points) {
        return new Rule(Kind.RATIO, null, null, null, new BigDecimal(points));
    }

    /** The points for {@code value} on an indicator worth at most {@code scale}; null value scores 0. */
    public BigDecimal apply(BigDecimal value, BigDecimal scale) {
        if (value == null) {
            return Scores.ZERO;
        }
        BigDecimal raw = switch (kind) {
            case LINEAR -> {
                BigDecimal t = value.subtract(from).divide(to.subtract(from), 10, RoundingMode.HALF_UP);
                t = t.max(BigDecimal.ZERO).min(BigDecimal.ONE);
                yield scale.multiply(t);
            }
            case STEPS -> steps.stream().sorted(Comparator.comparing(Step::atLeast))
                    .filter(s -> value.compareTo(s.atLeast()) >= 0)
                    .reduce((a, b) -> b).map(Step::score).orElse(BigDecimal.ZERO);
            case RATIO -> value.multiply(points);
        };
        return Scores.round(raw.max(BigDecimal.ZERO).min(scale));
    }
}
