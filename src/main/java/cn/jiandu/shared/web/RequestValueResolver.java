package cn.jiandu.shared.web;

import cn.jiandu.shared.security.CurrentUser;
import cn.jiandu.shared.security.JianduPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a handler simply declare a parameter of one type, whose value is taken from the request: the signed-in
 * {@link JianduPrincipal}, or whether htmx asked ({@link HtmxRequest}).
 */
final class RequestValueResolver<T> implements HandlerMethodArgumentResolver {

    private final Class<T> type;
    private final Function<HttpServletRequest, T> value;

    private RequestValueResolver(Class<T> type, Function<HttpServletRequest, T> value) {
        this.type = type;
        this.value = value;
    }

    static RequestValueResolver<JianduPrincipal> principal() {
        return new RequestValueResolver<>(JianduPrincipal.class, request -> CurrentUser.find()
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not signed in")));
    }

    static RequestValueResolver<HtmxRequest> htmx() {
        return new RequestValueResolver<>(HtmxRequest.class, HtmxRequest::of);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(type);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return value.apply(webRequest.getNativeRequest(HttpServletRequest.class));
    }
}
