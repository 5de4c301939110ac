package cn.jiandu.training.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.training.TrainingProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The projector's sign-in codes: {@code J1.<sessionId>.<expiresEpochSecond>.<HMAC-SHA256>}. A code is issued for the
 * current rotation slot (30 s by default) and stays valid until the slot ends plus a grace time, so a photo passed
 * around afterwards is refused as expired, and a code made up or edited is refused as forged. The key is made once
 * per installation and kept in the database, so every node accepts every node's codes.
 */
@Component
public class SignInCodes {

    /** A checked code. */
    public record Verified(long sessionId, Instant expiresAt) {
    }

    /** A code to show. */
    public record Issued(String code, Instant expiresAt) {
    }

    private static final String PREFIX = "J1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    private final TrainingProperties props;
    private final Clock clock;
    private volatile SecretKeySpec key;

    SignInCodes(JdbcClient jdbc, TrainingProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.props = props;
        this.clock = clock;
    }

    /** The code of the current slot: the same for every call within a slot, a new one when it turns. */
    public Issued issue(long sessionId) {
        return issueAt(sessionId, clock.instant());
    }

    Issued issueAt(long sessionId, Instant now) {
        long rotation = Math.max(1, props.codeRotation().toSeconds());
        long slotEnd = (now.getEpochSecond() / rotation + 1) * rotation;
        Instant expires = Instant.ofEpochSecond(slotEnd).plus(props.codeGrace());
        String payload = PREFIX + "." + sessionId + "." + expires.getEpochSecond();
        return new Issued(payload + "." + sign(payload), expires);
    }

    /**
     * Checks a code: 400 {@code training.signIn.forged} when it is malformed or its signature wrong, 400
     * {@code training.signIn.expired} when it is genuine but too old.
     */
    public Verified verify(String code) {
        if (code == null) {
            throw Refusal.invalidField("code", "training.signIn.forged");
        }
        String[] parts = code.strip().split("\\.");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            throw Refusal.invalidField("code", "training.signIn.forged");
        }
        long sessionId;
        long expires;
        try {
            sessionId = Long.parseLong(parts[1]);
            expires = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            throw Refusal.invalidField("code", "training.signIn.forged");
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            throw Refusal.invalidField("code", "training.signIn.forged");
        }
        Instant expiresAt = Instant.ofEpochSecond(expires);
        if (!clock.instant().isBefore(expiresAt)) {
            throw Refusal.invalidField("code", "training.signIn.expired");
        }
        return new Verified(sessionId, expiresAt);
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(Base64.getDecoder().decode(loadOrCreate()), "HmacSHA256");
                }
                k = key;
            }
        }
        return k;
    }

    private String loadOrCreate() {
        var existing = jdbc.sql("SELECT secret FROM training_key WHERE id = 1").query(String.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        try {
            jdbc.sql("INSERT INTO training_key (id, secret) VALUES (1, :s)")
                    .param("s", Base64.getEncoder().encodeToString(bytes)).update();
        } catch (DuplicateKeyException raced) {
            // another node made it first: use that one
        }
        return jdbc.sql("SELECT secret FROM training_key WHERE id = 1").query(String.class).single();
    }
}
