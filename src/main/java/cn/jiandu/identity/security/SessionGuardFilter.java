package cn.jiandu.identity.security;

import cn.jiandu.identity.domain.User;
import cn.jiandu.identity.domain.UserRepository;
import cn.jiandu.shared.web.HtmxRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a page session honest on every request: the account must still exist and be enabled (disabling ends the
 * session at once on every node), roles changed by an admin apply immediately, the absolute timeout ends a
 * session however active it is, and a one-time password must be changed before anything else.
 */
@Component
class SessionGuardFilter extends OncePerRequestFilter {

    private final UserRepository users;
    private final SecurityProperties props;
    private final Clock clock;
    private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    private final JianduUserDetailsService userDetails;

    SessionGuardFilter(UserRepository users, SecurityProperties props, Clock clock,
            JianduUserDetailsService userDetails) {
        this.users = users;
        this.userDetails = userDetails;
        this.props = props;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof JianduUserDetails current)) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        Optional<User> user = users.findById(current.jianduPrincipal().id()).filter(User::enabled);
        boolean tooOld = session != null && session.getCreationTime() + props.sessionAbsoluteTimeout().toMillis()
                < clock.millis();
        if (user.isEmpty() || tooOld) {
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            redirect(request, response, "/login?expired");
            return;
        }
        JianduUserDetails fresh = userDetails.details(user.get());
        fresh.eraseCredentials();
        if (!fresh.jianduPrincipal().equals(current.jianduPrincipal())) {
            var refreshed = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(refreshed);
            SecurityContextHolder.setContext(context);
            repository.saveContext(context, request, response);
        }
        if (fresh.jianduPrincipal().mustChangePassword() && !mayPassWithExpiredPassword(request)) {
            redirect(request, response, "/account/password");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean mayPassWithExpiredPassword(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/account/password") || path.equals("/logout") || path.startsWith("/webjars/")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.equals("/error");
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        String target = request.getContextPath() + path;
        if (HtmxRequest.of(request).isHtmx()) {
            response.setHeader(HtmxRequest.REDIRECT, target);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            response.sendRedirect(target);
        }
    }
}
