package cn.jiandu.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import cn.jiandu.identity.security.JianduUserDetails;
import cn.jiandu.identity.security.JianduUserDetailsService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs a MockMvc page request in as a demo account, through the real user details (roles from the database). */
public final class Pages {

    private Pages() {
    }

    public static RequestPostProcessor as(JianduUserDetailsService users, String username) {
        JianduUserDetails details = users.loadUserByUsername(username);
        details.eraseCredentials();
        return authentication(UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
    }
}
