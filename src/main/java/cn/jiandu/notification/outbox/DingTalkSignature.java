package cn.jiandu.notification.outbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * 钉钉's signed robot URL: {@code sign = urlencode(base64(HmacSHA256(key = secret, "timestamp\nsecret")))},
 * appended as {@code &timestamp=…&sign=…} (the robot refuses a timestamp more than an hour off).
 */
public final class DingTalkSignature {

    private DingTalkSignature() {
    }

    public static String sign(String url, String secret, long timestampMillis) {
        String sign = URLEncoder.encode(signature(secret, timestampMillis), StandardCharsets.UTF_8);
        return url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestampMillis + "&sign=" + sign;
    }

    /** The Base64 signature before URL encoding. */
    public static String signature(String secret, long timestampMillis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] raw = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(raw);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
