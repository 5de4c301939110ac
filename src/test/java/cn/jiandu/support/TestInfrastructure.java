package cn.jiandu.support;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

    /**
     * On PostgreSQL each checkout gets its own schema (named after its directory), so several checkouts can run the
     * suite against the one shared {@code test} database at the same time without cleaning each other's tables.
     */
    static final String PG_SCHEMA = "it_" + Path.of(System.getProperty("user.dir")).getFileName().toString()
            .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");

    @Bean
    static BeanPostProcessor schemaPerCheckout() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource ds && ds.getJdbcUrl() != null
                        && ds.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                    ds.setSchema(PG_SCHEMA);
                }
                return bean;
            }
        };
    }

    /** With the embedded PostgreSQL, the context closes before the server stops (EmbeddedPostgresSession). */
    @Bean
    static EmbeddedPostgresSession.ContextRegistration embeddedPostgresContextRegistration() {
        return new EmbeddedPostgresSession.ContextRegistration();
    }

    /** Every run starts from an empty schema, on H2 and on PostgreSQL alike. */
    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            Flyway target = flyway;
            if (flyway.getConfiguration().getDataSource() instanceof HikariDataSource ds
                    && ds.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                target = Flyway.configure().configuration(flyway.getConfiguration()).schemas(PG_SCHEMA)
                        .defaultSchema(PG_SCHEMA).load();
            }
            target.clean();
            target.migrate();
        };
    }
}
