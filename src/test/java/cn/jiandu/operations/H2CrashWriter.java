package cn.jiandu.operations;

import cn.jiandu.shared.persistence.EmbeddedH2;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * The child process of {@link H2KillTests}: migrates the embedded database at the URL it is given (as the
 * application does), then four writers insert {@code blob} rows, each in its own transaction, and print an id only
 * after its commit returned — what the application would have acknowledged to a client. It runs until killed.
 */
public final class H2CrashWriter {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        migrate(url);
        for (int t = 0; t < 4; t++) {
            Thread writer = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                    c.setAutoCommit(false);
                    PreparedStatement insert = c.prepareStatement("""
                            INSERT INTO blob (storage_key, sha256, size_bytes, kind, content_type, created_at)
                            VALUES (?, ?, 1, 'PDF', 'application/pdf', ?)""", new String[] {"id"});
                    while (true) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, "0".repeat(64));
                        insert.setTimestamp(3, Timestamp.from(Instant.now()));
                        insert.executeUpdate();
                        long id;
                        try (ResultSet keys = insert.getGeneratedKeys()) {
                            keys.next();
                            id = keys.getLong(1);
                        }
                        c.commit();
                        synchronized (System.out) {
                            System.out.println(id);
                            System.out.flush();
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                    System.exit(3);
                }
            });
            writer.start();
        }
        System.out.println("ready");
        System.out.flush();
    }

    /** Flyway over the application's migrations, with the application's H2 identity re-alignment afterwards. */
    static void migrate(String url) throws Exception {
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").outOfOrder(true).load()
                .migrate();
        EmbeddedH2.realign(url, "sa", "");
    }
}
