package cn.jiandu.identity.security;

import cn.jiandu.identity.IdentityPermissions;
import cn.jiandu.audit.AuditTrail;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Three filter chains: the API (bearer tokens, stateless, problem-detail errors), Swagger UI and the OpenAPI
 * document (their own CSP), and the pages (form login, CSRF, database-backed sessions).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    static final String PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String SWAGGER_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    @Bean
    AuthenticationManager authenticationManager(JianduUserDetailsService users, PasswordEncoder encoder,
            LoginThrottle throttle, AuditTrail audit) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        // a disabled account is told so ("账号已停用，请联系管理员") only after its password proved right: with a
        // wrong password it gets the same answer as an unknown name, so the message reveals nothing to a guesser
        AccountStatusUserDetailsChecker status = new AccountStatusUserDetailsChecker();
        dao.setPreAuthenticationChecks(user -> { });
        dao.setPostAuthenticationChecks(status);
        ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle, audit));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    /**
     * No observation around each of the chain's filters: that wrapping cost about a tenth of the CPU of a list
     * request (bench/problem-load.sh, JFR). Requests are still timed as a whole (http.server.requests), and
     * authentications and authorizations are still observed.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
    }

    /** The two filters belong to the security chains only, not to every request. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<BearerTokenFilter> bearerNotGlobal(BearerTokenFilter f) {
        var r = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(f);
        r.setEnabled(false);
        return r;
    }

    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<SessionGuardFilter> guardNotGlobal(SessionGuardFilter f) {
        var r = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(f);
        r.setEnabled(false);
        return r;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, BearerTokenFilter bearer, ProblemJsonEntryPoint entryPoint)
            throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(IdentityPermissions.METRICS_READ.code())
                        .anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain docsChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(SWAGGER_CSP)))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http, SessionGuardFilter guard, HtmxAwareEntryPoint entryPoint,
            SecurityProperties props, AuthenticationManager authenticationManager) throws Exception {
        // the form login must go through the throttled, audited manager, not one Boot derives from the user details
        http.authenticationManager(authenticationManager)
                .formLogin(f -> f.loginPage("/login").permitAll().defaultSuccessUrl("/", false)
                        .failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error")))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .csrf(c -> c.csrfTokenRequestHandler(new BodyOrHeaderCsrfTokens()))
                .addFilterAfter(guard, AnonymousAuthenticationFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(PAGE_CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
                                "/favicon.ico").permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }
}
