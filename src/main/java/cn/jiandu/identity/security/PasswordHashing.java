package cn.jiandu.identity.security;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id at the OWASP Password Storage Cheat Sheet's first recommended setting (m=19 MiB, t=2, p=1).
 * Hashes carry an {@code {argon2}} prefix, so the cost can be raised later without breaking stored hashes.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;

    @Bean
    PasswordEncoder passwordEncoder() {
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS);
        return new DelegatingPasswordEncoder("argon2",
                Map.of("argon2", argon2, "bcrypt", new BCryptPasswordEncoder(12)));
    }
}
