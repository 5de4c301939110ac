package cn.jiandu.identity.security;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username/password authentication with the progressive delay of {@link LoginThrottle} in front and every attempt
 * in the audit trail. Used by the login form and by {@code POST /api/v1/auth/token} alike.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final AuditTrail audit;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle, AuditTrail audit) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress()
                : null;
        var wait = throttle.admit(username, address);
        if (wait.isPresent()) {
            audit.recordAs(null, username, "auth.login", "user", username, Outcome.DENIED,
                    "throttled " + wait.get() + "s");
            throw new LoginThrottledException(wait.get());
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.recordSuccess(username);
            JianduUserDetails details = (JianduUserDetails) result.getPrincipal();
            audit.recordAs(details.jianduPrincipal().id(), username, "auth.login", "user",
                    details.jianduPrincipal().id(), Outcome.SUCCESS, null);
            return result;
        } catch (AuthenticationException e) {
            throttle.recordFailure(username, address);
            audit.recordAs(null, username, "auth.login", "user", username, Outcome.FAILURE,
                    e.getClass().getSimpleName());
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
