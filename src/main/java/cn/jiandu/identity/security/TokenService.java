package cn.jiandu.identity.security;

import cn.jiandu.identity.domain.User;
import cn.jiandu.identity.domain.UserRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Opaque bearer tokens. Only a SHA-256 of the token is stored, so a database leak yields no usable token.
 */
@Service
public class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecurityProperties props;
    private final UserRepository users;

    TokenService(JdbcClient jdbc, Clock clock, SecurityProperties props, UserRepository users) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
        this.props = props;
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }

    public IssuedToken issue(long userId) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expires = now.plus(props.tokenTtl());
        jdbc.sql("INSERT INTO api_token (user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(userId, hash(token), Timestamp.from(now), Timestamp.from(expires)).update();
        return new IssuedToken(token, expires);
    }

    /** The enabled-or-not user of a live token, with roles, in one query ({@link BearerTokenFilter}'s hot path). */
    public Optional<User> holderOf(String token) {
        return users.findByLiveTokenHash(hash(token), Timestamp.from(clock.instant()));
    }

    public boolean revoke(String token) {
        return jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), hash(token)).update() > 0;
    }

    /** Revokes every live token of the user but {@code keep} (null: all of them); returns how many. */
    public int revokeAllOfExcept(long userId, String keep) {
        if (keep == null) {
            return revokeAllOf(userId);
        }
        return jdbc.sql("""
                UPDATE api_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND token_hash <> ?""")
                .params(Timestamp.from(clock.instant()), userId, hash(keep)).update();
    }

    public int revokeAllOf(long userId) {
        return jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), userId).update();
    }

    static String hash(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
