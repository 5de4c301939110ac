package cn.jiandu.shared.web;

import cn.jiandu.shared.Refusal;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A {@link Refusal} with an explicit HTTP status, for the web layer. Domain code throws {@link Refusal} (it knows
 * no HTTP); controllers may throw either. Both become an RFC 9457 problem detail (API) or a readable page.
 */
public class ApiException extends Refusal {

    private final HttpStatus status;

    public ApiException(HttpStatus status, String messageKey, Object... args) {
        this(status, List.of(), messageKey, args);
    }

    public ApiException(HttpStatus status, List<FieldError> fieldErrors, String messageKey, Object... args) {
        super(RefusalStatus.kindOf(status), fieldErrors, List.of(), messageKey, args);
        this.status = status;
    }

    ApiException(HttpStatus status, List<RowError> rowErrors, String messageKey, int rows) {
        super(RefusalStatus.kindOf(status), List.of(), rowErrors, messageKey, rows);
        this.status = status;
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
}
