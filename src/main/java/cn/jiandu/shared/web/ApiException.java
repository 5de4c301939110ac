package cn.jiandu.shared.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal the caller should understand: an HTTP status and a message key resolved in the caller's language.
 * Thrown from domain and application code; turned into an RFC 9457 problem detail (API) or a readable page.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] args;
    private final transient List<FieldError> fieldErrors;

    public ApiException(HttpStatus status, String messageKey, Object... args) {
        this(status, List.of(), messageKey, args);
    }

    public ApiException(HttpStatus status, List<FieldError> fieldErrors, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "error.notFound");
    }

    public static ApiException forbidden() {
        return new ApiException(HttpStatus.FORBIDDEN, "error.forbidden");
    }

    public static ApiException conflict(String key, Object... args) {
        return new ApiException(HttpStatus.CONFLICT, key, args);
    }

    public static ApiException badRequest(String key, Object... args) {
        return new ApiException(HttpStatus.BAD_REQUEST, key, args);
    }

    /** 400 naming the offending field; the message key is resolved for both detail and the field entry. */
    public static ApiException invalidField(String field, String key, Object... args) {
        return new ApiException(HttpStatus.BAD_REQUEST, List.of(new FieldError(field, key, args)), key, args);
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** A field error whose message is a key to resolve. */
    public record FieldError(String field, String messageKey, Object... args) {
    }
}
