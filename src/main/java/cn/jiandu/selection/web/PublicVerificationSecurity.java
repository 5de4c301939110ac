package cn.jiandu.selection.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The certificate's public side needs no login: the verification page a QR code opens, its JSON twin and the public
 * key for offline checkers. GET only, stateless, no session, no CSRF (nothing changes).
 */
@Configuration(proxyBeanMethods = false)
class PublicVerificationSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain certificateVerificationChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/verify/**", "/api/v1/certificates/verify", "/api/v1/certificates/public-key")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                                + " frame-ancestors 'none'")))
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET).permitAll().anyRequest().denyAll());
        return http.build();
    }
}
