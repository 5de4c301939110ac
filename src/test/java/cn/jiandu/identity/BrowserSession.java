package cn.jiandu.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A real page session: the form login through the security chain, and the SESSION cookie kept in the database. */
final class BrowserSession {

    private Cookie cookie;
    private final String address;

    BrowserSession(String address) {
        this.address = address;
    }

    String address() {
        return address;
    }

    /** Posts the login form; returns the result (a redirect either way). */
    MvcResult login(MockMvc mvc, String username, String password) throws Exception {
        return send(mvc, post("/login").param("username", username).param("password", password).with(csrf()));
    }

    MvcResult send(MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
        request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
        if (cookie != null) {
            request.cookie(cookie);
        }
        MvcResult result = mvc.perform(request).andReturn();
        Cookie fresh = result.getResponse().getCookie("SESSION");
        if (fresh != null) {
            cookie = fresh.getMaxAge() == 0 ? null : fresh;
        }
        return result;
    }
}
