package cn.jiandu.exam.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;

/**
 * A question of the bank as the office reads and writes it (REST contract). {@code answer}: the right option keys;
 * {@code ["true"]}/{@code ["false"]} for TRUE_FALSE; the accepted texts for FILL.
 */
public record Question(@JsonFormat(shape = JsonFormat.Shape.STRING) Long id, QuestionType type, String stem,
        List<QuestionOption> options, List<String> answer, String explanation, String category, List<String> tags,
        Integer difficulty, Integer version) {

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
        answer = answer == null ? List.of() : List.copyOf(answer);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
