package cn.jiandu.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.identity.domain.UserRepository;
import cn.jiandu.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The absolute session timeout, with the filter driven by a fixed clock: however active, a session older than
 * {@code jiandu.security.session-absolute-timeout} (12 h) ends.
 */
@IntegrationTest
class SessionGuardFilterTests {

    @Autowired
    UserRepository users;
    @Autowired
    SecurityProperties props;
    @Autowired
    JianduUserDetailsService details;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    record Outcome(boolean passed, MockHttpServletResponse response, MockHttpSession session) {
    }

    Outcome requestAt(Duration sessionAge, boolean htmx) throws Exception {
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSession(session);
        if (htmx) {
            request.addHeader("HX-Request", "true");
        }
        JianduUserDetails admin = details.loadUserByUsername("admin");
        admin.eraseCredentials();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        Clock clock = Clock.fixed(Instant.ofEpochMilli(session.getCreationTime()).plus(sessionAge), ZoneOffset.UTC);
        SessionGuardFilter filter = new SessionGuardFilter(users, props, clock, details);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicBoolean passed = new AtomicBoolean();
        filter.doFilter(request, response, (req, res) -> passed.set(true));
        return new Outcome(passed.get(), response, session);
    }

    @Test
    void anActiveSessionWithinTheLimitPasses() throws Exception {
        Outcome o = requestAt(props.sessionAbsoluteTimeout().minusMinutes(1), false);
        assertThat(o.passed()).isTrue();
        assertThat(o.session().isInvalid()).isFalse();
    }

    @Test
    void aSessionPastTheAbsoluteTimeoutEnds() throws Exception {
        Outcome o = requestAt(props.sessionAbsoluteTimeout().plusMinutes(1), false);
        assertThat(o.passed()).isFalse();
        assertThat(o.session().isInvalid()).isTrue();
        assertThat(o.response().getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void htmxIsToldToRedirectWhenTheSessionIsTooOld() throws Exception {
        Outcome o = requestAt(props.sessionAbsoluteTimeout().plusHours(1), true);
        assertThat(o.passed()).isFalse();
        assertThat(o.response().getStatus()).isEqualTo(401);
        assertThat(o.response().getHeader("HX-Redirect")).isEqualTo("/login?expired");
    }

    @Test
    void theLimitIsTwelveHoursByDefault() {
        assertThat(props.sessionAbsoluteTimeout()).isEqualTo(Duration.ofHours(12));
    }
}
