package cn.jiandu.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Chinese first. Pages follow the user's explicit switch (cookie {@code lang}) and are otherwise zh-CN whatever the
 * browser says; the API follows {@code Accept-Language} (English on {@code en}, zh-CN otherwise).
 */
public class JianduLocaleResolver implements LocaleResolver {

    public static final String COOKIE = "lang";
    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final String SWITCHED = JianduLocaleResolver.class.getName() + ".switched";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        // switched on this very request (?lang=): the cookie goes out with the response, the page is already new
        if (request.getAttribute(SWITCHED) instanceof Locale switched) {
            return switched;
        }
        // on the error dispatch the request URI is /error: the language follows the request that failed
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed ? failed
                : request.getRequestURI();
        if (path.startsWith(request.getContextPath() + "/api/")) {
            String accept = request.getHeader("Accept-Language");
            return accept != null && accept.trim().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : ZH;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName())) {
                    return "en".equals(c.getValue()) ? Locale.ENGLISH : ZH;
                }
            }
        }
        return ZH;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        request.setAttribute(SWITCHED, Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : ZH);
        Cookie cookie = new Cookie(COOKIE, Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "zh-CN");
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(365 * 24 * 3600);
        response.addCookie(cookie);
    }
}
