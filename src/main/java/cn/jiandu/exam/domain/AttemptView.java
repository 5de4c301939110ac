package cn.jiandu.exam.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An attempt as its candidate sees it (REST contract): the questions' ids, texts, options in his order and points —
 * never which option is right — and his saved answers by question id. {@code serverTime} lets the phone show the
 * server's countdown without trusting its own clock.
 */
public record AttemptView(String attemptId, String examId, String examTitle, String status,
        OffsetDateTime deadline, OffsetDateTime serverTime, List<Item> questions, Map<String, List<String>> answers,
        Map<String, Long> answerSeq, Result result) {

    public record Item(String id, QuestionType type, String stem, List<QuestionOption> options, BigDecimal points) {
    }

    /** The result once submitted; {@code review} only as the exam's review policy allows. */
    public record Result(BigDecimal score, BigDecimal maxScore, boolean passed, boolean autoSubmitted,
            OffsetDateTime submittedAt, List<ReviewItem> review) {
    }

    public record ReviewItem(String questionId, QuestionType type, String stem, List<QuestionOption> options,
            List<String> answer, List<String> rightAnswer, String explanation, BigDecimal points, BigDecimal score) {
    }
}
