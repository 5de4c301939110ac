package cn.jiandu.shared.web;

import cn.jiandu.shared.Refusal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every API error as an RFC 9457 problem detail whose {@code detail} is in the request's language.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> handleRefusal(Refusal ex) {
        HttpStatus status = RefusalStatus.of(ex);
        ProblemDetail pd = problem(status, msg(ex.messageKey(), ex.args()));
        if (!ex.fieldErrors().isEmpty()) {
            pd.setProperty("errors", ex.fieldErrors().stream()
                    .map(f -> Map.of("field", f.field(), "message", msg(f.messageKey(), f.args()))).toList());
        }
        if (!ex.rowErrors().isEmpty()) {
            pd.setProperty("rows", ex.rowErrors().stream()
                    .map(r -> Map.of("row", r.row(), "field", r.field(), "message", msg(r.message(), r.args())))
                    .toList());
        }
        return ResponseEntity.status(status).body(pd);
    }

    /**
     * The database unreachable → 503 with {@code Retry-After}; the disk full → 507; any other failure of data
     * access or I/O → 500, all as problem details (they were Spring's bare 500 before).
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, UncheckedIOException.class,
            IOException.class})
    ResponseEntity<ProblemDetail> handleInfrastructure(Exception ex) {
        var classified = InfrastructureFailure.classify(ex);
        HttpStatus status = classified.orElse(HttpStatus.INTERNAL_SERVER_ERROR);
        if (classified.isPresent()) {
            log.warn("{} answered {}: {}", ex.getClass().getSimpleName(), status.value(), ex.getMessage());
        } else {
            log.error("unexpected failure", ex);
        }
        ProblemDetail pd = problem(status, msg(classified.isPresent() ? InfrastructureFailure.messageKey(status)
                : "error.generic"));
        var response = ResponseEntity.status(status);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(InfrastructureFailure.RETRY_AFTER_SECONDS));
        }
        return response.body(pd);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> handleDenied(RuntimeException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, msg("error.forbidden")));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(fe -> errors.add(Map.of("field", fe.getField(),
                "message", messages.getMessage(fe, LocaleContextHolder.getLocale()))));
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, msg("error.validation"));
        pd.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(pd);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(Map.of(
                "field", r.getMethodParameter().getParameterName() == null ? "" : r.getMethodParameter().getParameterName(),
                "message", messages.getMessage(err, LocaleContextHolder.getLocale())))));
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, msg("error.validation"));
        pd.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(pd);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = fieldOf(ex);
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST,
                field == null ? msg("error.malformedJson") : msg("error.invalidField", field));
        if (field != null) {
            pd.setProperty("errors", List.of(Map.of("field", field, "message", msg("error.invalidValue"))));
        }
        return ResponseEntity.badRequest().body(pd);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return fieldProblem(ex.getParameterName(), "error.required");
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return fieldProblem(ex.getRequestPartName(), "error.required");
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(problem(HttpStatus.CONTENT_TOO_LARGE, msg("error.tooLarge")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
        return fieldProblem(ex.getName(), "error.invalidValue");
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        // Spring's own problem details get a localized, human detail too
        if (body instanceof ProblemDetail pd && pd.getDetail() != null && pd.getProperties() == null) {
            pd.setDetail(msg("error.http." + statusCode.value(), pd.getDetail()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> fieldProblem(String field, String key) {
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, msg("error.invalidField", field));
        pd.setProperty("errors", List.of(Map.of("field", field, "message", msg(key))));
        return ResponseEntity.badRequest().body(pd);
    }

    private static String fieldOf(HttpMessageNotReadableException ex) {
        Throwable t = ex.getCause();
        while (t != null && !(t instanceof JacksonException)) {
            t = t.getCause();
        }
        if (t instanceof JacksonException je && !je.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (JacksonException.Reference ref : je.getPath()) {
                if (ref.getPropertyName() != null) {
                    sb.append(sb.isEmpty() ? "" : ".").append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    sb.append('[').append(ref.getIndex()).append(']');
                }
            }
            return sb.isEmpty() ? null : sb.toString();
        }
        return null;
    }

    private ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(msg("error.http." + status.value(), status.getReasonPhrase()));
        pd.setType(URI.create("about:blank"));
        return pd;
    }

    private String msg(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
