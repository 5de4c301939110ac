package cn.jiandu.shared.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** An import refused as a whole; every bad row is listed ({@code "rows":[{"row","field","message"}]}). */
public class RowErrorsException extends ApiException {

    private final transient List<RowError> rows;

    public RowErrorsException(List<RowError> rows) {
        super(HttpStatus.BAD_REQUEST, "error.import.rows", rows.size());
        this.rows = List.copyOf(rows);
    }

    public List<RowError> rows() {
        return rows;
    }

    /** One bad cell; {@code message} is already in the caller's language. */
    public record RowError(int row, String field, String message) {
    }
}
