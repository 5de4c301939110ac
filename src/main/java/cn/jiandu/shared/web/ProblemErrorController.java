package cn.jiandu.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error dispatch ({@code /error}) answers every failure under {@code /api/} as an RFC 9457 problem detail in the
 * caller's language — what never reached a controller too: unknown routes (404), 405, 406, 415, the request
 * firewall's 400, an oversized multipart (413), failures in filters — with 503 + {@code Retry-After} when the
 * database is unreachable and 507 when the disk is full. Pages keep Boot's error views.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ErrorAttributes errorAttributes;
    private final MessageSource messages;

    ProblemErrorController(ErrorAttributes errorAttributes, WebProperties web, List<ErrorViewResolver> resolvers,
            MessageSource messages) {
        super(errorAttributes, web.getError(), resolvers);
        this.errorAttributes = errorAttributes;
        this.messages = messages;
    }

    @Override
    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (!isApi(request)) {
            return super.errorHtml(request, response);
        }
        ResponseEntity<Map<String, Object>> problem = problem(request);
        try {
            response.setStatus(problem.getStatusCode().value());
            problem.getHeaders().forEach((k, v) -> v.forEach(value -> response.addHeader(k, value)));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JSON.writeValueAsString(problem.getBody()));
        } catch (IOException e) {
            // the client went away
        }
        return null;
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (!isApi(request)) {
            return super.error(request);
        }
        return problem(request);
    }

    @Override
    public ResponseEntity<String> mediaTypeNotAcceptable(HttpServletRequest request) {
        if (!isApi(request)) {
            return super.mediaTypeNotAcceptable(request);
        }
        ResponseEntity<Map<String, Object>> problem = problem(request);
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .body(JSON.writeValueAsString(problem.getBody()));
    }

    private ResponseEntity<Map<String, Object>> problem(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        Throwable error = errorAttributes.getError(new ServletWebRequest(request));
        HttpHeaders headers = new HttpHeaders();
        String detailKey = null;
        if (error != null) {
            var infra = InfrastructureFailure.classify(error);
            if (infra.isPresent()) {
                status = infra.get();
                detailKey = InfrastructureFailure.messageKey(status);
            }
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(InfrastructureFailure.RETRY_AFTER_SECONDS));
            detailKey = detailKey == null ? "error.unavailable" : detailKey;
        }
        Locale locale = LocaleContextHolder.getLocale();
        String title = messages.getMessage("error.http." + status.value(), null, status.getReasonPhrase(), locale);
        String detail = detailKey != null ? messages.getMessage(detailKey, null, detailKey, locale)
                : status.is5xxServerError() ? messages.getMessage("error.generic", null, title, locale) : title;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            body.put("instance", uri.toString());
        }
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, headers, status);
    }

    static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri != null ? uri.toString() : request.getRequestURI();
        String context = request.getContextPath() == null ? "" : request.getContextPath();
        return path.startsWith(context + "/api/") || path.equals(context + "/api");
    }
}
