package cn.jiandu.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Finding 6 of issue 15: {@code JdbcClient...query(SomeRecord.class)} maps through Spring's
 * {@code SimplePropertyRowMapper}, which looks each component up as {@code categoryCode} before {@code category_code};
 * every miss is a SQLException that H2 writes with its stack trace to {@code jiandu.trace.db} (637 KB per problem
 * submission, 173 MB beside a 12.7 MB database). Main code maps rows by column name; a query for a single scalar
 * column ({@code String.class}, {@code Long.class}, ...) does not probe and stays allowed.
 */
class RowMappingTests {

    static final Pattern QUERY_BY_CLASS = Pattern.compile("\\.query\\(\\s*([A-Z][A-Za-z0-9_.]*)\\.class\\s*\\)");
    static final Set<String> SCALARS = Set.of("String", "Long", "Integer", "Boolean", "Double", "Instant",
            "OffsetDateTime", "LocalDate", "LocalDateTime", "Timestamp", "BigDecimal", "UUID", "Short", "byte");

    @Test
    void noMainCodeMapsRowsByProbingPropertyNames() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                Matcher m = QUERY_BY_CLASS.matcher(read(p));
                Stream.Builder<String> found = Stream.builder();
                while (m.find()) {
                    if (!SCALARS.contains(m.group(1))) {
                        found.add(p.getFileName() + ": " + m.group());
                    }
                }
                return found.build();
            }).toList();
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theScanWouldCatchOne() {
        assertThat(QUERY_BY_CLASS.matcher("jdbc.sql(SELECT).query(DispatchRule.class).list()").find()).isTrue();
        Matcher scalar = QUERY_BY_CLASS.matcher(".query(Long.class).single()");
        assertThat(scalar.find() && !SCALARS.contains(scalar.group(1))).isFalse();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
