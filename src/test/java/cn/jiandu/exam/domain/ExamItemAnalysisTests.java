package cn.jiandu.exam.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.jiandu.exam.domain.ItemAnalysis.Mark;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hand-computed example: five attempts at three one-point questions.
 *
 * <pre>
 *        q1 q2 q3 total
 *   a1    1  1  1   3
 *   a2    1  1  0   2
 *   a3    1  0  0   1
 *   a4    0  1  0   1
 *   a5    0  0  0   0
 * </pre>
 * q1: facility 3/5 = 0.6; rest of paper y = (2,1,0,1,0); cov(x,y) = 0.15, var x = 0.3, var y = 0.7, so
 * discrimination = 100 × 0.15 / √0.21 = 32.73; both sorted, cov = 0.4, so efficiency = 100 × 0.15 / 0.4 = 37.5.
 * alpha = 3/2 × (1 − (0.3 + 0.3 + 0.2) / 1.3) = 0.5769.
 */
class ExamItemAnalysisTests {

    static List<Mark> example() {
        int[][] m = {{1, 1, 1}, {1, 1, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 0}};
        List<Mark> out = new ArrayList<>();
        for (int a = 0; a < m.length; a++) {
            for (int q = 0; q < 3; q++) {
                out.add(new Mark(a + 1, q + 1, q, m[a][q], 1, List.of(m[a][q] == 1 ? "A" : "B")));
            }
        }
        return out;
    }

    @Test
    void figuresMatchTheHandComputedExample() {
        ItemAnalysis.Report r = ItemAnalysis.of(example());
        assertThat(r.attempts()).isEqualTo(5);
        assertThat(r.meanScore()).isEqualTo(1.4);
        assertThat(r.alpha()).isCloseTo(0.5769, within(0.0001));
        assertThat(r.reliable()).isFalse();
        ItemAnalysis.QuestionStats q1 = r.questions().get(0);
        assertThat(q1.questionId()).isEqualTo("1");
        assertThat(q1.facility()).isEqualTo(0.6);
        assertThat(q1.discrimination()).isCloseTo(32.73, within(0.01));
        assertThat(q1.efficiency()).isCloseTo(37.5, within(0.01));
        assertThat(q1.optionShares()).containsEntry("A", 0.6).containsEntry("B", 0.4);
        assertThat(q1.flags()).doesNotContain("WEAK_DISCRIMINATION", "LOW_EFFICIENCY", "TOO_EASY", "TOO_HARD");
        ItemAnalysis.QuestionStats q3 = r.questions().get(2);
        assertThat(q3.facility()).isEqualTo(0.2);
    }

    @Test
    void aQuestionTheWeakGetRightAndTheStrongWrongIsFlaggedAsLikelyWrongKey() {
        List<Mark> marks = new ArrayList<>();
        for (int a = 0; a < 40; a++) {
            boolean strong = a < 20;
            for (int q = 0; q < 5; q++) {
                marks.add(new Mark(a, q, q, strong ? 1 : 0, 1, List.of()));
            }
            marks.add(new Mark(a, 99, 5, strong ? 0 : 1, 1, List.of()));
        }
        ItemAnalysis.Report r = ItemAnalysis.of(marks);
        assertThat(r.reliable()).isTrue();
        ItemAnalysis.QuestionStats bad = r.questions().stream().filter(q -> q.questionId().equals("99")).findFirst()
                .orElseThrow();
        assertThat(bad.discrimination()).isNegative();
        assertThat(bad.flags()).contains("NEGATIVE_DISCRIMINATION", "LOW_EFFICIENCY");
    }

    @Test
    void fiveThousandAttemptsOfThirtyQuestionsTakeWellUnderTwoSeconds() {
        java.util.Random random = new java.util.Random(1);
        List<Mark> marks = new ArrayList<>();
        for (int a = 0; a < 5000; a++) {
            double ability = random.nextDouble();
            for (int q = 0; q < 30; q++) {
                int question = random.nextInt(120);
                marks.add(new Mark(a, question, q, random.nextDouble() < ability ? 2 : 0, 2, List.of("A")));
            }
        }
        long t0 = System.nanoTime();
        ItemAnalysis.Report r = ItemAnalysis.of(marks);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.attempts()).isEqualTo(5000);
        assertThat(ms).as("analysis of 150,000 marks in ms").isLessThan(2000);
    }
}
