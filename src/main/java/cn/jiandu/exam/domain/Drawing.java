package cn.jiandu.exam.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The questions of one attempt: the paper's fixed questions, then for each rule {@code count} questions drawn at
 * random from those the rule matches, never one already chosen. The draw depends only on the pool and the
 * attempt's seed, so an attempt's paper can be drawn again and comes out the same.
 */
final class Drawing {

    /** A question the pool may hand out: its id and current version. */
    record Candidate(long questionId, int version) {
    }

    record Drawn(long questionId, int version, BigDecimal points) {
    }

    /** The candidates of each rule, sorted by id, loaded once for any number of draws. */
    record Pool(List<Candidate> fixed, BigDecimal fixedPoints, List<List<Candidate>> perRule, List<Integer> counts,
            List<BigDecimal> points) {

        List<Drawn> draw(long seed) {
            Random random = new Random(seed);
            List<Drawn> out = new ArrayList<>();
            Set<Long> chosen = new HashSet<>();
            for (Candidate c : fixed) {
                out.add(new Drawn(c.questionId(), c.version(), fixedPoints));
                chosen.add(c.questionId());
            }
            for (int r = 0; r < perRule.size(); r++) {
                List<Candidate> open = new ArrayList<>();
                for (Candidate c : perRule.get(r)) {
                    if (!chosen.contains(c.questionId())) {
                        open.add(c);
                    }
                }
                int count = counts.get(r);
                if (open.size() < count) {
                    throw new IllegalStateException("rule " + (r + 1) + " cannot be filled: " + open.size() + " < "
                            + count);
                }
                // a partial Fisher-Yates shuffle: the first `count` places are a uniform draw without repetition
                for (int i = 0; i < count; i++) {
                    int j = i + random.nextInt(open.size() - i);
                    Candidate picked = open.get(j);
                    open.set(j, open.get(i));
                    open.set(i, picked);
                    out.add(new Drawn(picked.questionId(), picked.version(), points.get(r)));
                    chosen.add(picked.questionId());
                }
            }
            return out;
        }

        /**
         * For each rule, how many questions it lacks in the worst case (0 when it can always be filled): its
         * candidates less the fixed questions, less what each earlier rule could take from their common
         * candidates.
         */
        List<Integer> shortfalls() {
            Set<Long> fixedIds = new HashSet<>();
            fixed.forEach(c -> fixedIds.add(c.questionId()));
            List<Set<Long>> sets = new ArrayList<>();
            List<Integer> out = new ArrayList<>();
            for (int r = 0; r < perRule.size(); r++) {
                Set<Long> mine = new HashSet<>();
                perRule.get(r).forEach(c -> mine.add(c.questionId()));
                mine.removeAll(fixedIds);
                int available = mine.size();
                for (int e = 0; e < r; e++) {
                    Set<Long> common = new HashSet<>(mine);
                    common.retainAll(sets.get(e));
                    available -= Math.min(counts.get(e), common.size());
                }
                out.add(Math.max(0, counts.get(r) - available));
                sets.add(mine);
            }
            return out;
        }
    }

    private Drawing() {
    }

    /** The seed of an attempt: fixed by exam, candidate and attempt number. */
    static long seed(long examId, long userId, int number) {
        long h = 1125899906842597L;
        h = 31 * h + examId;
        h = 31 * h + userId;
        h = 31 * h + number;
        return h ^ (h >>> 29);
    }
}
