package cn.jiandu.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Argon2id at OWASP's first recommended setting: m=19 MiB, t=2, p=1. */
class PasswordHashingTests {

    private final PasswordEncoder encoder = new PasswordHashing().passwordEncoder();

    @Test
    void hashesWithArgon2idAtTheOwaspCost() {
        String hash = encoder.encode("Jiandu@2026");
        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(encoder.matches("Jiandu@2026", hash)).isTrue();
        assertThat(encoder.matches("jiandu@2026", hash)).isFalse();
        assertThat(encoder.encode("Jiandu@2026")).as("salted").isNotEqualTo(hash);
    }

    @Test
    void stillVerifiesOlderBcryptHashes() {
        String bcrypt = "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4)
                .encode("legacy-pass1");
        assertThat(encoder.matches("legacy-pass1", bcrypt)).isTrue();
        assertThat(encoder.upgradeEncoding(bcrypt)).isTrue();
    }
}
