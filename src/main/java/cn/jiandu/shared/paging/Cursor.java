package cn.jiandu.shared.paging;

import cn.jiandu.shared.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursors: the sort key values of the last row, joined and base64url-encoded. Clients must not
 * look inside; a tampered cursor is a 400 naming {@code cursor}.
 */
public final class Cursor {

    private static final String SEP = "\u001f";

    private Cursor() {
    }

    public static String encode(Object... keys) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                sb.append(SEP);
            }
            sb.append(keys[i]);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The decoded key values, exactly {@code parts} of them, or 400. */
    public static List<String> decode(String cursor, int parts) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> values = List.of(raw.split(SEP, -1));
            if (values.size() != parts) {
                throw new IllegalArgumentException();
            }
            return values;
        } catch (IllegalArgumentException e) {
            throw Refusal.invalidField("cursor", "error.invalidValue");
        }
    }

    public static long decodeLong(String cursor) {
        try {
            return Long.parseLong(decode(cursor, 1).get(0));
        } catch (NumberFormatException e) {
            throw Refusal.invalidField("cursor", "error.invalidValue");
        }
    }
}
