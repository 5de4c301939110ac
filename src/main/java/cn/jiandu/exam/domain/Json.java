package cn.jiandu.exam.domain;

import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The module's JSON columns (options, answers, audience). */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<QuestionOption>> OPTIONS = new TypeReference<>() {
    };

    private Json() {
    }

    /** 10.00 as 10, 2.50 as 2.5 (never 1E+1). */
    static java.math.BigDecimal plain(java.math.BigDecimal value) {
        if (value == null) {
            return null;
        }
        java.math.BigDecimal s = value.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static List<String> strings(String json) {
        return json == null ? null : MAPPER.readValue(json, STRINGS);
    }

    static List<QuestionOption> options(String json) {
        return MAPPER.readValue(json, OPTIONS);
    }

    static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
