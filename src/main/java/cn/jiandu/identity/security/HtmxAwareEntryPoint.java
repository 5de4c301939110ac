package cn.jiandu.identity.security;

import cn.jiandu.shared.web.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * Pages: redirect to the login page. An htmx request cannot follow a redirect into a fragment swap, so it gets
 * 401 with {@code HX-Redirect}, which makes htmx load the login page as a whole page.
 */
@Component
class HtmxAwareEntryPoint implements AuthenticationEntryPoint {

    private final LoginUrlAuthenticationEntryPoint redirect = new LoginUrlAuthenticationEntryPoint("/login");

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException, jakarta.servlet.ServletException {
        if (HtmxRequest.of(request).isHtmx()) {
            response.setHeader(HtmxRequest.REDIRECT, request.getContextPath() + "/login?expired");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        redirect.commence(request, response, ex);
    }
}
