package cn.jiandu.exam.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.exam.domain.Drawing.Candidate;
import cn.jiandu.exam.domain.Drawing.Drawn;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ExamDrawingTests {

    static List<Candidate> ids(long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(i -> new Candidate(i, 1)).toList();
    }

    /** Fixed 1 and 2; rule 1 draws 3 of 1..10; rule 2 draws 4 of 5..20 (overlapping rule 1's candidates). */
    static Drawing.Pool pool() {
        return new Drawing.Pool(List.of(new Candidate(1, 1), new Candidate(2, 3)), new BigDecimal("5"),
                List.of(ids(1, 10), ids(5, 20)), List.of(3, 4), List.of(new BigDecimal("2"), new BigDecimal("3")));
    }

    @Test
    void rulesAreHonouredWithoutDuplicates() {
        for (long seed = 0; seed < 500; seed++) {
            List<Drawn> drawn = pool().draw(seed);
            assertThat(drawn).hasSize(9);
            Set<Long> ids = new HashSet<>();
            drawn.forEach(d -> ids.add(d.questionId()));
            assertThat(ids).as("no duplicates (seed %d)", seed).hasSize(9);
            assertThat(drawn.subList(0, 2)).extracting(Drawn::questionId).containsExactly(1L, 2L);
            assertThat(drawn.get(1).version()).isEqualTo(3);
            assertThat(drawn.subList(2, 5)).allSatisfy(d -> {
                assertThat(d.questionId()).isBetween(3L, 10L);
                assertThat(d.points()).isEqualByComparingTo("2");
            });
            assertThat(drawn.subList(5, 9)).allSatisfy(d -> {
                assertThat(d.questionId()).isBetween(5L, 20L);
                assertThat(d.points()).isEqualByComparingTo("3");
            });
        }
    }

    @Test
    void theSameSeedDrawsTheSamePaperAndSeedsDifferPerCandidateAndAttempt() {
        assertThat(pool().draw(Drawing.seed(7, 42, 1))).isEqualTo(pool().draw(Drawing.seed(7, 42, 1)));
        Set<List<Drawn>> papers = new HashSet<>();
        for (int user = 0; user < 50; user++) {
            papers.add(pool().draw(Drawing.seed(7, user, 1)));
        }
        assertThat(papers.size()).as("different candidates get different papers").isGreaterThan(40);
        assertThat(Drawing.seed(7, 42, 1)).isNotEqualTo(Drawing.seed(7, 42, 2));
    }

    @Test
    void everyCandidateIsDrawnSometimes() {
        Set<Long> seen = new HashSet<>();
        for (long seed = 0; seed < 300; seed++) {
            pool().draw(seed).forEach(d -> seen.add(d.questionId()));
        }
        assertThat(seen).containsAll(LongStream.rangeClosed(1, 20).boxed().toList());
    }

    @Test
    void shortfallsSayWhichRuleLacksHowManyInTheWorstCase() {
        assertThat(pool().shortfalls()).containsExactly(0, 0);
        // rule 1 may take 3 of 5..8, leaving rule 2 (needs 4 of 5..8) short by 3
        Drawing.Pool tight = new Drawing.Pool(List.of(), BigDecimal.ONE, List.of(ids(1, 8), ids(5, 8)), List.of(3, 4),
                List.of(BigDecimal.ONE, BigDecimal.ONE));
        assertThat(tight.shortfalls()).containsExactly(0, 3);
        // the fixed questions are not available to a rule
        Drawing.Pool fixed = new Drawing.Pool(ids(1, 2), BigDecimal.ONE, List.of(ids(1, 5)), List.of(4),
                List.of(BigDecimal.ONE));
        assertThat(fixed.shortfalls()).containsExactly(1);
    }
}
