package cn.jiandu.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The integration suite's one application context (so it starts once): the whole application on a real database —
 * H2 by default, PostgreSQL with {@code -Pit-postgres} — with the demo organisation and accounts, a real HTTP port
 * and MockMvc. Every test makes its own data (unique names) instead of relying on order. Tagged {@code database}:
 * {@code ./mvnw test} runs these classes a second time on PostgreSQL (the surefire execution {@code postgres}).
 */
@Tag("database")
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestInfrastructure.class)
public @interface IntegrationTest {
}
