package cn.jiandu.exam.web;

import cn.jiandu.exam.domain.Question;
import cn.jiandu.exam.domain.QuestionOption;
import cn.jiandu.exam.domain.QuestionType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The question form as typed: up to eight option slots A–H (an empty slot is no option), the answer as the office
 * writes it — option letters (A, or A,C), 正确/错误 (or true/false) for a true/false question, one accepted text
 * per line for a fill-in question — and tags separated by commas.
 */
public record QuestionForm(String type, String category, String tags, Integer difficulty, String stem, List<String> options,
        String answer, String explanation) {

    static final String KEYS = "ABCDEFGH";

    public QuestionForm {
        List<String> slots = new ArrayList<>(options == null ? List.of() : options);
        while (slots.size() < KEYS.length()) {
            slots.add("");
        }
        options = List.copyOf(slots.subList(0, KEYS.length()).stream().map(s -> s == null ? "" : s).toList());
    }

    static QuestionForm blank() {
        return new QuestionForm("SINGLE", "", "", 3, "", List.of(), "", "");
    }

    static QuestionForm of(Question q) {
        List<String> slots = new ArrayList<>(Arrays.asList("", "", "", "", "", "", "", ""));
        int next = 0;
        if (q.type() == QuestionType.SINGLE || q.type() == QuestionType.MULTIPLE) {
            for (QuestionOption o : q.options()) {
                int at = o.key().length() == 1 ? KEYS.indexOf(o.key().toUpperCase(Locale.ROOT)) : -1;
                slots.set(at >= 0 ? at : Math.min(next, KEYS.length() - 1), o.text());
                next = Math.max(next, at) + 1;
            }
        }
        String answer = switch (q.type()) {
            case TRUE_FALSE -> q.answer().contains("true") ? "正确" : "错误";
            case FILL -> String.join("\n", q.answer());
            default -> String.join(",", q.answer());
        };
        return new QuestionForm(q.type().name(), q.category(), String.join(", ", q.tags()), q.difficulty(), q.stem(),
                slots, answer, q.explanation() == null ? "" : q.explanation());
    }

    Question toQuestion(Long id) {
        QuestionType t = parseType();
        List<QuestionOption> opts = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            if (!options.get(i).isBlank()) {
                opts.add(new QuestionOption(String.valueOf(KEYS.charAt(i)), options.get(i)));
            }
        }
        return new Question(id, t, stem, t == QuestionType.TRUE_FALSE || t == QuestionType.FILL ? List.of() : opts,
                answers(t), explanation, category, splitTags(), difficulty, null);
    }

    private QuestionType parseType() {
        try {
            return type == null ? null : QuestionType.valueOf(type);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private List<String> answers(QuestionType t) {
        String a = answer == null ? "" : answer.strip();
        if (t == QuestionType.FILL) {
            return Arrays.stream(a.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        if (t == QuestionType.TRUE_FALSE) {
            return switch (a.toLowerCase(Locale.ROOT)) {
                case "正确", "对", "√", "true", "t", "yes" -> List.of("true");
                case "错误", "错", "×", "false", "f", "no" -> List.of("false");
                default -> a.isEmpty() ? List.of() : List.of(a);
            };
        }
        return Arrays.stream(a.toUpperCase(Locale.ROOT).split("[,，、;；\\s]+")).filter(s -> !s.isEmpty())
                .flatMap(s -> s.matches("[A-H]{2,8}") ? s.chars().mapToObj(c -> String.valueOf((char) c)) : java.util.stream.Stream.of(s))
                .toList();
    }

    private List<String> splitTags() {
        return tags == null ? List.of()
                : Arrays.stream(tags.split("[,，、]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
