package cn.jiandu.identity.domain;

import cn.jiandu.shared.Refusal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Passwords as OWASP ASVS 5.0 V6.2 asks: at least 8 characters (12 recommended), up to 128, any characters
 * (passphrases with spaces, Chinese), no composition rules; refused when it is one of the 30,000 most common
 * passwords shipped with the application ({@code identity/common-passwords.txt}), when it contains the username, or
 * when it is built on the product's own name (监督 / jiandu) — the words an attacker tries first against this system.
 * One-time passwords are random and easy to read out.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    private static final List<String> CONTEXT_WORDS = List.of("jiandu", "监督", "jianduplatform");
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Checks a password that no username goes with (e.g. a configured bootstrap password). */
    public static void check(String field, String password) {
        check(field, password, null);
    }

    public static void check(String field, String password, String username) {
        if (password == null) {
            throw Refusal.invalidField(field, "user.error.weakPassword");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw Refusal.invalidField(field, "user.error.weakPassword");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (isCommon(lower)) {
            throw Refusal.invalidField(field, "user.error.commonPassword");
        }
        if (username != null && username.strip().length() >= 3
                && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            throw Refusal.invalidField(field, "user.error.passwordHasUsername");
        }
        if (CONTEXT_WORDS.stream().anyMatch(lower::contains)) {
            throw Refusal.invalidField(field, "user.error.commonPassword");
        }
    }

    /** On the list as typed, or once the digits and symbols people append ("password1", "qwerty!") are cut off. */
    static boolean isCommon(String lower) {
        if (COMMON.contains(lower)) {
            return true;
        }
        String core = lower.replaceAll("[\\d\\p{Punct}\\s]+$", "");
        return core.length() >= 4 && !core.equals(lower) && COMMON.contains(core);
    }

    static int listSize() {
        return COMMON.size();
    }

    public static String oneTimePassword() {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 12 || sb.chars().noneMatch(Character::isDigit)
                || sb.chars().noneMatch(Character::isLetter) || isCommon(sb.toString().toLowerCase(Locale.ROOT))) {
            if (sb.length() >= 12) {
                sb.setLength(0);
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(40_000);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("identity/common-passwords.txt is missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
