package cn.jiandu.exam;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An attempt was graded (at submit for objective papers, after marking for subjective ones) or re-graded after a
 * question was corrected ({@code regrade} true: the newer figures replace the earlier ones of that attempt).
 * Training completes the 五个一 knowledge test from it; the ledger keeps the score.
 *
 * @param purpose           what the exam is for
 * @param trainingSessionId the training session the exam closes, or null
 */
public record ExamGraded(long examId, long attemptId, long userId, ExamPurpose purpose, Long trainingSessionId,
        BigDecimal score, BigDecimal maxScore, boolean passed, Instant gradedAt, boolean regrade) {
}
