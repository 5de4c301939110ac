package cn.jiandu.identity.domain;

import cn.jiandu.shared.Refusal;
import java.security.SecureRandom;

/** At least 8 characters with letters and digits; one-time passwords are random and easy to read out. */
public final class PasswordPolicy {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    public static void check(String field, String password) {
        if (password == null || password.length() < 8 || password.length() > 128
                || password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw Refusal.invalidField(field, "user.error.weakPassword");
        }
    }

    public static String oneTimePassword() {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 12 || sb.chars().noneMatch(Character::isDigit)
                || sb.chars().noneMatch(Character::isLetter)) {
            if (sb.length() >= 12) {
                sb.setLength(0);
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
