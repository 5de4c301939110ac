package cn.jiandu.exam.domain;

/** One option of a choice question: its key ('A') and text. */
public record QuestionOption(String key, String text) {
}
