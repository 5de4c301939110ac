package cn.jiandu.exam.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Objective grading, one question at a time. Pure functions: the same answer and key always give the same score.
 *
 * <ul>
 * <li>SINGLE, TRUE_FALSE: the whole points for the right key, else 0.</li>
 * <li>MULTIPLE, all-or-nothing: the whole points for exactly the right set of keys.</li>
 * <li>MULTIPLE, partial credit (per paper): any wrong key scores 0; a subset of the right keys scores
 * points × chosen / right (少选得部分分，错选不得分), rounded down to 0.01.</li>
 * <li>FILL: the answer matches one of the accepted texts after {@link #normalise(String)}.</li>
 * </ul>
 */
public final class Grading {

    private Grading() {
    }

    /** Trimmed, inner whitespace collapsed, full-width folded to half-width (NFKC), case-insensitive. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return folded.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public static BigDecimal score(QuestionType type, List<String> key, List<String> given, BigDecimal points,
            boolean partialCredit) {
        if (given == null || given.isEmpty()) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal full = points.setScale(2, RoundingMode.DOWN);
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        switch (type) {
            case SINGLE, TRUE_FALSE -> {
                return given.size() == 1 && key.size() == 1 && key.get(0).equals(given.get(0)) ? full : zero;
            }
            case MULTIPLE -> {
                Set<String> right = new HashSet<>(key);
                Set<String> chosen = new HashSet<>(given);
                if (chosen.equals(right)) {
                    return full;
                }
                if (!partialCredit || !right.containsAll(chosen)) {
                    return zero;
                }
                return points.multiply(BigDecimal.valueOf(chosen.size()))
                        .divide(BigDecimal.valueOf(right.size()), 2, RoundingMode.DOWN);
            }
            case FILL -> {
                String answer = normalise(given.get(0));
                if (answer.isEmpty()) {
                    return zero;
                }
                return key.stream().map(Grading::normalise).anyMatch(answer::equals) ? full : zero;
            }
            default -> throw new IllegalArgumentException(type.name());
        }
    }

    /** Whether the answer earns the whole points (practice feedback, the wrong-answer book). */
    public static boolean isRight(QuestionType type, List<String> key, List<String> given) {
        return score(type, key, given, BigDecimal.ONE, false).compareTo(BigDecimal.ONE) == 0;
    }
}
