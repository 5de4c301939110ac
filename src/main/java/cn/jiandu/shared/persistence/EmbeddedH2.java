package cn.jiandu.shared.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What the embedded default (H2) needs to keep what it acknowledged and to keep working, none of which applies to
 * PostgreSQL.
 *
 * <p><b>Migrations run on a session that lives as long as the application.</b> H2 2.x compiles a {@code CHECK (x IN
 * ('A', 'B'))} constraint into a constant set whose comparator is the session that executed the DDL. When Flyway ran
 * on a pooled connection, the pool retires that connection after its maximum lifetime (Hikari: 30 minutes), and from
 * then on every insert into such a table fails with "The database has been closed" — the calendar's
 * {@code calendar_day_kind_ck} answered 500 from about 30 minutes after the first start. After a restart H2 re-reads
 * constraints with its own system session, which is why only a freshly migrated instance failed. So on H2 Flyway
 * gets a connection of its own that is closed only when the application stops.
 *
 * <p><b>Identity columns are re-aligned after migrating.</b> A table's identity sequence that restarts behind the
 * table's largest id (seen after a kill -9 of the JVM: an insert into {@code blob} collided on its primary key) is
 * moved past it, so an id handed out before the crash is never handed out again.
 *
 * <p>Durability itself is the URL's {@code WRITE_DELAY=0} (application.yml): H2's default keeps commits in memory
 * for up to 500 ms.
 */
@Configuration(proxyBeanMethods = false)
public class EmbeddedH2 {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedH2.class);

    @Bean
    MigrationSession h2MigrationSession(DataSource dataSource) {
        return new MigrationSession(dataSource);
    }

    @Bean
    FlywayConfigurationCustomizer h2FlywayOnItsOwnSession(MigrationSession session) {
        return configuration -> {
            if (session.dataSource != null) {
                configuration.dataSource(session.dataSource);
                configuration.callbacks(new IdentityRealignment());
            }
        };
    }

    /** A single H2 connection for Flyway, kept open until the application stops (null on other databases). */
    static final class MigrationSession implements DisposableBean {

        final SingleConnectionDataSource dataSource;

        MigrationSession(DataSource pool) {
            this.dataSource = pool instanceof HikariDataSource h && isH2(h.getJdbcUrl())
                    ? new SingleConnectionDataSource(h.getJdbcUrl(), h.getUsername(), h.getPassword(), true)
                    : null;
        }

        @Override
        public void destroy() {
            if (dataSource != null) {
                dataSource.destroy();
            }
        }
    }

    public static boolean isH2(String url) {
        return url != null && url.startsWith("jdbc:h2:");
    }

    /** After every migrate: each identity column's next value is beyond the column's largest value. */
    static final class IdentityRealignment implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            try {
                realign(context.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException("could not re-align identity columns", e);
            }
        }

        @Override
        public String getCallbackName() {
            return "h2-identity-realignment";
        }
    }

    /** Moves every identity sequence of the current schema past its column's largest value; returns how many. */
    public static int realign(Connection c) throws SQLException {
        record Identity(String table, String column, long next) {
        }
        List<Identity> identities = new java.util.ArrayList<>();
        try (var st = c.prepareStatement("""
                SELECT table_name, column_name, identity_base FROM information_schema.columns
                WHERE is_identity = 'YES' AND table_schema = CURRENT_SCHEMA""");
                var rs = st.executeQuery()) {
            while (rs.next()) {
                identities.add(new Identity(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
        }
        int moved = 0;
        for (Identity id : identities) {
            long max;
            try (var st = c.prepareStatement(
                    "SELECT COALESCE(MAX(\"" + id.column() + "\"), 0) FROM \"" + id.table() + "\"");
                    var rs = st.executeQuery()) {
                rs.next();
                max = rs.getLong(1);
            }
            if (max >= id.next()) {
                try (var st = c.createStatement()) {
                    st.execute("ALTER TABLE \"" + id.table() + "\" ALTER COLUMN \"" + id.column()
                            + "\" RESTART WITH " + (max + 1));
                }
                log.warn("identity {}.{} would have handed out {} again (largest {}): restarted at {}", id.table(),
                        id.column(), id.next(), max, max + 1);
                moved++;
            }
        }
        return moved;
    }

    /** Opens the H2 database at {@code url} once to re-align it (used by tests and the fault scripts). */
    public static int realign(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return realign(c);
        }
    }
}
