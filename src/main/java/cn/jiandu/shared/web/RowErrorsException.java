package cn.jiandu.shared.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An import refused as a whole; every bad row is listed ({@code "rows":[{"row","field","message"}]}). Domain code
 * may equally throw {@code Refusal.invalidRows(rows)}.
 */
public class RowErrorsException extends ApiException {

    public RowErrorsException(List<RowError> rows) {
        super(HttpStatus.BAD_REQUEST, rows, "error.import.rows", rows.size());
    }

    public List<RowError> rows() {
        return rowErrors();
    }
}
