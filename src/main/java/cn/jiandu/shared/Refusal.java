package cn.jiandu.shared;

import java.util.List;

/**
 * A refusal the caller should understand, thrown by domain code: what kind of refusal it is and a message key
 * resolved in the caller's language. It knows nothing of HTTP; the web layer maps the kind to a status and an
 * RFC 9457 problem detail (API) or a readable page with the wrong fields marked (pages).
 *
 * <pre>{@code
 * throw Refusal.notFound();                                    // may not read it (or it does not exist)
 * throw Refusal.forbidden();                                   // may read it but not do this
 * throw Refusal.conflict("nomination.error.notAtStep");        // not in this state
 * throw Refusal.invalidField("votesFor", "nomination.error.votes", present);
 * }</pre>
 */
public class Refusal extends RuntimeException {

    /** The kinds of refusal; the web layer gives each its HTTP status. */
    public enum Kind {
        /** bad input (400) */
        INVALID,
        /** may read it but not do this (403) */
        FORBIDDEN,
        /** may not read it, or it does not exist (404) */
        NOT_FOUND,
        /** not in a state that allows this (409) */
        CONFLICT,
        /** too large (413) */
        TOO_LARGE,
        /** well-formed but cannot be processed, e.g. an idempotency key reused with another body (422) */
        UNPROCESSABLE,
        /** someone else is working on it right now (423) */
        LOCKED,
        /** too many requests (429) */
        TOO_MANY_REQUESTS,
        /** a resource the system depends on is unavailable (503) */
        UNAVAILABLE,
        /** storage is full (507) */
        INSUFFICIENT_STORAGE
    }

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] args;
    private final transient List<FieldError> fieldErrors;
    private final transient List<RowError> rowErrors;

    public Refusal(Kind kind, String messageKey, Object... args) {
        this(kind, List.of(), List.of(), messageKey, args);
    }

    public Refusal(Kind kind, List<FieldError> fieldErrors, List<RowError> rowErrors, String messageKey,
            Object... args) {
        super(messageKey);
        this.kind = kind;
        this.messageKey = messageKey;
        this.args = args;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.rowErrors = List.copyOf(rowErrors);
    }

    public static Refusal notFound() {
        return new Refusal(Kind.NOT_FOUND, "error.notFound");
    }

    public static Refusal forbidden() {
        return new Refusal(Kind.FORBIDDEN, "error.forbidden");
    }

    public static Refusal forbidden(String key, Object... args) {
        return new Refusal(Kind.FORBIDDEN, key, args);
    }

    public static Refusal conflict(String key, Object... args) {
        return new Refusal(Kind.CONFLICT, key, args);
    }

    public static Refusal invalid(String key, Object... args) {
        return new Refusal(Kind.INVALID, key, args);
    }

    /** 400 naming the offending field; the key is resolved for both the detail and the field entry. */
    public static Refusal invalidField(String field, String key, Object... args) {
        return new Refusal(Kind.INVALID, List.of(new FieldError(field, key, args)), List.of(), key, args);
    }

    /** 400 naming every offending field at once (a form marks all of them, not only the first). */
    public static Refusal invalidFields(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a refusal of fields names at least one");
        }
        return new Refusal(Kind.INVALID, errors, List.of(), "error.validation");
    }

    /** An import refused as a whole, every bad row listed ({@code "rows":[{"row","field","message"}]}). */
    public static Refusal invalidRows(List<RowError> rows) {
        return new Refusal(Kind.INVALID, List.of(), rows, "error.import.rows", rows.size());
    }

    public static Refusal tooLarge(String key, Object... args) {
        return new Refusal(Kind.TOO_LARGE, key, args);
    }

    public Kind kind() {
        return kind;
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

    public List<RowError> rowErrors() {
        return rowErrors;
    }

    /** A field error whose message is a key to resolve. */
    public record FieldError(String field, String messageKey, Object... args) {
    }

    /**
     * One bad cell of an import; {@code message} is a message key, or a text already in the caller's language
     * (a text that is no key is shown as it is).
     */
    public record RowError(int row, String field, String message, Object... args) {
    }
}
