package cn.jiandu.sharing.domain;

import cn.jiandu.shared.Refusal;
import java.nio.charset.StandardCharsets;

/** File and folder names: no separators, no "..", no control characters, at most 255 bytes of UTF-8. */
public final class Names {

    public static final int MAX_BYTES = 255;

    private Names() {
    }

    public static String check(String name) {
        if (name == null || name.isBlank()) {
            throw Refusal.invalidField("name", "error.required");
        }
        String n = name.strip();
        boolean control = n.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029);
        if (n.contains("/") || n.contains("\\") || n.contains("..") || control || n.equals(".")) {
            throw Refusal.invalidField("name", "sharing.error.badName");
        }
        if (n.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw Refusal.invalidField("name", "sharing.error.nameTooLong", MAX_BYTES);
        }
        return n;
    }

    /** {@code 名称.pdf} → {@code 名称（n）.pdf}. */
    public static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        String candidate = base + "（" + n + "）" + ext;
        while (candidate.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES && !base.isEmpty()) {
            base = base.substring(0, base.length() - 1);
            candidate = base + "（" + n + "）" + ext;
        }
        return candidate;
    }
}
