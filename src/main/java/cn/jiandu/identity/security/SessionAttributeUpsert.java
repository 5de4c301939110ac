package cn.jiandu.identity.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Two requests of one session that both add an attribute the session did not have (a double tap: each redirect
 * carries a flash message, {@code FLASH_MAPS}) both issue Spring Session's plain INSERT for it, and the second failed
 * with a duplicate key — a 500 for a request whose work was done. The attribute is written as an upsert instead:
 * the last writer wins, as it does for attributes that exist already. PostgreSQL: {@code ON CONFLICT DO UPDATE}
 * (Spring Session's own customizer); H2: {@code MERGE ... KEY}.
 */
@Component
class SessionAttributeUpsert implements SessionRepositoryCustomizer<JdbcIndexedSessionRepository> {

    private static final String H2_UPSERT = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            VALUES (?, ?, ?)
            """;

    private final DataSource dataSource;

    SessionAttributeUpsert(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void customize(JdbcIndexedSessionRepository repository) {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database holds the sessions", e);
        }
        if (product.contains("postgres")) {
            new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
        } else if (product.contains("h2")) {
            repository.setCreateSessionAttributeQuery(H2_UPSERT);
        } else {
            throw new IllegalStateException("no session attribute upsert for " + product);
        }
    }
}
