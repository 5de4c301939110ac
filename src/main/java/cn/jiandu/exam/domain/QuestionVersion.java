package cn.jiandu.exam.domain;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One version of a question as an attempt saw it. Type, stem and options never change once a version has been
 * drawn into an attempt (an edit makes a new version); the key and explanation may be corrected.
 */
record QuestionVersion(long questionId, int version, QuestionType type, String stem, List<QuestionOption> options,
        List<String> answer, String explanation, String category) {

    Set<String> optionKeys() {
        return options.stream().map(QuestionOption::key).collect(Collectors.toSet());
    }
}
