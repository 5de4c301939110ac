package cn.jiandu.identity.security;

import cn.jiandu.identity.domain.User;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>}: the token must be live and its user enabled, checked on every call, so
 * revoking a token or disabling an account takes effect at once on every node.
 */
@Component
public class BearerTokenFilter extends OncePerRequestFilter {

    /** What a user holding a one-time password may still call through the API. */
    static final Set<String> ALLOWED_WHILE_PASSWORD_EXPIRED = Set.of("/api/v1/me", "/api/v1/me/password",
            "/api/v1/auth/token");

    private final TokenService tokens;
    private final ProblemJsonEntryPoint problems;
    private final JianduUserDetailsService userDetails;

    BearerTokenFilter(TokenService tokens, ProblemJsonEntryPoint problems, JianduUserDetailsService userDetails) {
        this.tokens = tokens;
        this.problems = problems;
        this.userDetails = userDetails;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).strip();
        Optional<User> user = tokens.holderOf(token).filter(User::enabled);
        if (user.isEmpty()) {
            SecurityContextHolder.clearContext();
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "error.invalidToken");
            return;
        }
        JianduUserDetails details = userDetails.details(user.get());
        details.eraseCredentials();
        if (details.jianduPrincipal().mustChangePassword()
                && !ALLOWED_WHILE_PASSWORD_EXPIRED.contains(request.getRequestURI())) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "error.passwordChangeRequired");
            return;
        }
        var auth = UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        request.setAttribute(BearerTokenFilter.class.getName() + ".token", token);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The raw bearer token of this request, for {@code DELETE /api/v1/auth/token}. */
    public static String tokenOf(HttpServletRequest request) {
        return (String) request.getAttribute(BearerTokenFilter.class.getName() + ".token");
    }
}
