package cn.jiandu.exam.domain;

import org.springframework.jdbc.support.KeyHolder;

final class Ids {

    private Ids() {
    }

    static long of(KeyHolder keys) {
        return keys.getKey().longValue();
    }

    /** An id sent as a JSON string, or a refusal naming the field. */
    static long parse(String value, String field) {
        try {
            return Long.parseLong(value.strip());
        } catch (RuntimeException e) {
            throw cn.jiandu.shared.Refusal.invalidField(field, "error.invalidValue");
        }
    }
}
