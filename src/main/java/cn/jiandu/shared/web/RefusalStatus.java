package cn.jiandu.shared.web;

import cn.jiandu.shared.Refusal;
import org.springframework.http.HttpStatus;

/** The HTTP status of each kind of {@link Refusal}: the one place where the domain's refusals meet HTTP. */
public final class RefusalStatus {

    private RefusalStatus() {
    }

    public static HttpStatus of(Refusal refusal) {
        if (refusal instanceof ApiException api) {
            return api.status();
        }
        return switch (refusal.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case LOCKED -> HttpStatus.LOCKED;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INSUFFICIENT_STORAGE -> HttpStatus.INSUFFICIENT_STORAGE;
        };
    }

    static Refusal.Kind kindOf(HttpStatus status) {
        return switch (status) {
            case FORBIDDEN -> Refusal.Kind.FORBIDDEN;
            case NOT_FOUND -> Refusal.Kind.NOT_FOUND;
            case CONFLICT, PRECONDITION_FAILED, GONE -> Refusal.Kind.CONFLICT;
            case CONTENT_TOO_LARGE, REQUESTED_RANGE_NOT_SATISFIABLE -> Refusal.Kind.TOO_LARGE;
            case UNPROCESSABLE_CONTENT -> Refusal.Kind.UNPROCESSABLE;
            case LOCKED -> Refusal.Kind.LOCKED;
            case TOO_MANY_REQUESTS -> Refusal.Kind.TOO_MANY_REQUESTS;
            case SERVICE_UNAVAILABLE -> Refusal.Kind.UNAVAILABLE;
            case INSUFFICIENT_STORAGE -> Refusal.Kind.INSUFFICIENT_STORAGE;
            default -> Refusal.Kind.INVALID;
        };
    }
}
