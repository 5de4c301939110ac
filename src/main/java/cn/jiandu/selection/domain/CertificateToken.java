package cn.jiandu.selection.domain;

import cn.jiandu.shared.security.Role;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

/**
 * The compact signed code a certificate's QR carries: {@code base64url(content) "." base64url(Ed25519 signature)},
 * about 150 characters. The content is {@code 1|number|type|maskedName|termStart|termEnd} (days since 1970), so an
 * offline checker holding the public key sees a forged or altered code as invalid; whether it is still in force
 * (在任 / 已期满 / 已解聘) only the server knows.
 */
public final class CertificateToken {

    /** What a code says. */
    public record Content(String number, Role type, String maskedName, LocalDate termStart, LocalDate termEnd) {
    }

    private CertificateToken() {
    }

    public static String sign(Content c, CertificateKeys keys) {
        String text = String.join("|", "1", c.number(), String.valueOf(c.type().ordinal()), c.maskedName(),
                String.valueOf(c.termStart().toEpochDay()), String.valueOf(c.termEnd().toEpochDay()));
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys.privateKey());
            s.update(content);
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return b64.encodeToString(content) + "." + b64.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The content of a genuine code; empty for anything tampered, truncated, malformed or signed by another key. */
    public static Optional<Content> verify(String code, PublicKey key) {
        if (code == null || code.length() > 400) {
            return Optional.empty();
        }
        int dot = code.indexOf('.');
        if (dot <= 0 || dot != code.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            byte[] content = b64.decode(code.substring(0, dot));
            byte[] signature = b64.decode(code.substring(dot + 1));
            // only the canonical spelling: the decoder ignores a last character's unused low bits, so without this
            // check another character there (a different code on the certificate) would verify as the same one
            Base64.Encoder canonical = Base64.getUrlEncoder().withoutPadding();
            if (!code.equals(canonical.encodeToString(content) + "." + canonical.encodeToString(signature))) {
                return Optional.empty();
            }
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(content);
            if (!s.verify(signature)) {
                return Optional.empty();
            }
            String[] f = new String(content, StandardCharsets.UTF_8).split("\\|", -1);
            if (f.length != 6 || !f[0].equals("1")) {
                return Optional.empty();
            }
            return Optional.of(new Content(f[1], Role.values()[Integer.parseInt(f[2])], f[3],
                    LocalDate.ofEpochDay(Long.parseLong(f[4])), LocalDate.ofEpochDay(Long.parseLong(f[5]))));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** 吴海涛 → 吴*涛, 黄伟 → 黄*, 李 → *. */
    public static String mask(String name) {
        if (name == null || name.isEmpty()) {
            return "*";
        }
        int[] cp = name.codePoints().toArray();
        if (cp.length == 1) {
            return "*";
        }
        if (cp.length == 2) {
            return new String(cp, 0, 1) + "*";
        }
        return new String(cp, 0, 1) + "*".repeat(cp.length - 2) + new String(cp, cp.length - 1, 1);
    }
}
