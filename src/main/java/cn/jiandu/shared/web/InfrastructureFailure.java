package cn.jiandu.shared.web;

import java.io.IOException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Failures of what the application runs on rather than of the request: the database unreachable (503, the client
 * may retry after a while) and the data disk full (507). They reached clients as bare 500s.
 */
public final class InfrastructureFailure {

    /** Seconds a client is told to wait before retrying after a 503. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private InfrastructureFailure() {
    }

    public static Optional<HttpStatus> classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null
                    && (t.getMessage().contains("No space left on device") || t.getMessage().contains("Disk quota"))) {
                return Optional.of(HttpStatus.INSUFFICIENT_STORAGE);
            }
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return Optional.of(HttpStatus.SERVICE_UNAVAILABLE);
            }
        }
        return Optional.empty();
    }

    /** The message key of the problem detail for a classified status. */
    public static String messageKey(HttpStatus status) {
        return status == HttpStatus.INSUFFICIENT_STORAGE ? "error.storageFull" : "error.unavailable";
    }
}
