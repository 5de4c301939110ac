package cn.jiandu.exam;

/** What an exam is for. */
public enum ExamPurpose {
    /** 五个一: the knowledge test that closes a new supervisor's onboarding. */
    ONBOARDING,
    /** The exam at the end of a quarterly business training class. */
    QUARTERLY_CLASS,
    /** Any other test (self-study, a branch's session). */
    OTHER
}
