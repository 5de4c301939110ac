package cn.jiandu.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/** {@code ?lang=en} or {@code ?lang=zh-CN} on any page switches the language and remembers it. */
class LanguageSwitchInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String lang = request.getParameter("lang");
        if (lang != null && "GET".equals(request.getMethod())) {
            LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
            if (resolver != null) {
                Locale locale = "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : JianduLocaleResolver.ZH;
                resolver.setLocale(request, response, locale);
                org.springframework.context.i18n.LocaleContextHolder.setLocale(locale);
            }
        }
        return true;
    }
}
