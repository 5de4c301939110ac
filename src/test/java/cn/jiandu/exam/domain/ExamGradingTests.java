package cn.jiandu.exam.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExamGradingTests {

    static final BigDecimal TWO = new BigDecimal("2");

    @Test
    void singleAndTrueFalseScoreTheWholePointsOrNothing() {
        assertThat(Grading.score(QuestionType.SINGLE, List.of("B"), List.of("B"), TWO, false)).isEqualByComparingTo("2");
        assertThat(Grading.score(QuestionType.SINGLE, List.of("B"), List.of("A"), TWO, false)).isEqualByComparingTo("0");
        assertThat(Grading.score(QuestionType.SINGLE, List.of("B"), List.of(), TWO, false)).isEqualByComparingTo("0");
        assertThat(Grading.score(QuestionType.TRUE_FALSE, List.of("false"), List.of("false"), TWO, false))
                .isEqualByComparingTo("2");
        assertThat(Grading.score(QuestionType.TRUE_FALSE, List.of("false"), List.of("true"), TWO, false))
                .isEqualByComparingTo("0");
    }

    @Test
    void multipleIsAllOrNothingUnlessThePaperGivesPartialCredit() {
        List<String> key = List.of("A", "C", "D");
        assertThat(Grading.score(QuestionType.MULTIPLE, key, List.of("D", "A", "C"), TWO, false)).isEqualByComparingTo("2");
        assertThat(Grading.score(QuestionType.MULTIPLE, key, List.of("A", "C"), TWO, false)).isEqualByComparingTo("0");
        // partial: a subset scores its share, rounded down; any wrong key scores nothing
        assertThat(Grading.score(QuestionType.MULTIPLE, key, List.of("A", "C"), TWO, true)).isEqualByComparingTo("1.33");
        assertThat(Grading.score(QuestionType.MULTIPLE, key, List.of("A"), new BigDecimal("3"), true))
                .isEqualByComparingTo("1");
        assertThat(Grading.score(QuestionType.MULTIPLE, key, List.of("A", "B"), TWO, true)).isEqualByComparingTo("0");
        assertThat(Grading.score(QuestionType.MULTIPLE, key, List.of("A", "B", "C", "D"), TWO, true))
                .isEqualByComparingTo("0");
    }

    @Test
    void fillMatchesAnyAcceptedTextTrimmedCaseAndWidthInsensitive() {
        List<String> key = List.of("批评和自我批评", "Criticism and self-criticism");
        assertThat(Grading.score(QuestionType.FILL, key, List.of("  批评和自我批评 "), TWO, false)).isEqualByComparingTo("2");
        assertThat(Grading.score(QuestionType.FILL, key, List.of("CRITICISM  AND SELF-CRITICISM"), TWO, false))
                .isEqualByComparingTo("2");
        // full-width letters, hyphen and the ideographic space fold to their half-width forms
        assertThat(Grading.score(QuestionType.FILL, key, List.of("Ｃｒｉｔｉｃｉｓｍ　ａｎｄ　ｓｅｌｆ－ｃｒｉｔｉｃｉｓｍ"), TWO,
                false)).isEqualByComparingTo("2");
        assertThat(Grading.score(QuestionType.FILL, List.of("8"), List.of("８"), TWO, false)).isEqualByComparingTo("2");
        assertThat(Grading.score(QuestionType.FILL, key, List.of("批评"), TWO, false)).isEqualByComparingTo("0");
        assertThat(Grading.score(QuestionType.FILL, key, List.of("   "), TWO, false)).isEqualByComparingTo("0");
    }

    @Test
    void anAnswerNamingAnUnknownOptionIsRefused() {
        QuestionVersion v = new QuestionVersion(1, 1, QuestionType.SINGLE, "s",
                List.of(new QuestionOption("A", "a"), new QuestionOption("B", "b")), List.of("A"), null, "c");
        assertThat(Attempts.checkedAnswer(v, List.of(" B "))).containsExactly("B");
        assertThat(Attempts.checkedAnswer(v, List.of())).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Attempts.checkedAnswer(v, List.of("Z")))
                .isInstanceOf(cn.jiandu.shared.Refusal.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Attempts.checkedAnswer(v, List.of("A", "B")))
                .isInstanceOf(cn.jiandu.shared.Refusal.class);
    }

    @Test
    void passMarkIsAPercentageOfTheMaximum() {
        assertThat(Attempts.passes(new BigDecimal("60"), new BigDecimal("100"), new BigDecimal("60"))).isTrue();
        assertThat(Attempts.passes(new BigDecimal("17.99"), new BigDecimal("30"), new BigDecimal("60"))).isFalse();
        assertThat(Attempts.passes(new BigDecimal("18"), new BigDecimal("30"), new BigDecimal("60"))).isTrue();
    }
}
