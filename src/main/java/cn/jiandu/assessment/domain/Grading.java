package cn.jiandu.assessment.domain;

import cn.jiandu.assessment.Grade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Grades a run's persons by the scheme's thresholds and the 优秀 share cap (see {@link Grades}). */
public final class Grading {

    private Grading() {
    }

    /** One person's ranking key: the total, then the dimension scores in the scheme's order. */
    public record Ranked(long id, BigDecimal total, List<BigDecimal> dimensionScores) {
    }

    private static final Comparator<Ranked> BY_RANK = (a, b) -> {
        int c = b.total().compareTo(a.total());
        for (int k = 0; c == 0 && k < Math.min(a.dimensionScores().size(), b.dimensionScores().size()); k++) {
            c = b.dimensionScores().get(k).compareTo(a.dimensionScores().get(k));
        }
        return c;
    };

    public static Grade byThreshold(Grades g, BigDecimal total) {
        if (total.compareTo(g.excellentFrom()) >= 0) {
            return Grade.EXCELLENT;
        }
        return total.compareTo(g.qualifiedFrom()) >= 0 ? Grade.QUALIFIED : Grade.UNQUALIFIED;
    }

    /** The most 优秀 the cap allows among {@code assessed} persons (rounded down), or all of them without a cap. */
    public static int excellentAllowed(Grades g, int assessed) {
        if (g.excellentShareCap() == null) {
            return assessed;
        }
        return g.excellentShareCap().multiply(BigDecimal.valueOf(assessed)).setScale(0, RoundingMode.FLOOR)
                .intValueExact();
    }

    public static Map<Long, Grade> grade(Grades g, List<Ranked> people) {
        Map<Long, Grade> grades = new HashMap<>();
        List<Ranked> candidates = new ArrayList<>();
        for (Ranked r : people) {
            Grade grade = byThreshold(g, r.total());
            grades.put(r.id(), grade);
            if (grade == Grade.EXCELLENT) {
                candidates.add(r);
            }
        }
        int allowed = excellentAllowed(g, people.size());
        if (candidates.size() <= allowed) {
            return grades;
        }
        candidates.sort(BY_RANK);
        int keep = allowed;
        // a group tied on every key across the boundary goes down as a whole
        while (keep > 0 && BY_RANK.compare(candidates.get(keep - 1), candidates.get(allowed)) == 0) {
            keep--;
        }
        for (int k = keep; k < candidates.size(); k++) {
            grades.put(candidates.get(k).id(), Grade.QUALIFIED);
        }
        return grades;
    }
}
