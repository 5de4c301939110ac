package cn.jiandu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No code path updates or deletes an audit entry: no such statement anywhere in the main sources or resources. */
class AppendOnlyTests {

    static final Pattern CHANGES_AUDIT = Pattern.compile(
            "(?is)(update\\s+audit_entry|delete\\s+from\\s+audit_entry|truncate\\s+(table\\s+)?audit_entry"
                    + "|drop\\s+table\\s+(if\\s+exists\\s+)?audit_entry|merge\\s+into\\s+audit_entry)");

    @Test
    void nothingInMainUpdatesOrDeletesAuditEntries() throws IOException {
        List<Path> offenders;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")),
                Files.walk(Path.of("src/main/resources")))) {
            offenders = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(java|sql|xml|yml|yaml|properties)$"))
                    .filter(p -> CHANGES_AUDIT.matcher(read(p)).find())
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theScanWouldCatchOne() {
        assertThat(CHANGES_AUDIT.matcher("jdbc.sql(\"DELETE  FROM audit_entry WHERE id = ?\")").find()).isTrue();
        assertThat(CHANGES_AUDIT.matcher("UPDATE\n audit_entry SET detail = ''").find()).isTrue();
        assertThat(CHANGES_AUDIT.matcher("INSERT INTO audit_entry (id) VALUES (1)").find()).isFalse();
    }

    @Test
    void theScanSeesTheAuditSources() {
        assertThat(read(Path.of("src/main/java/cn/jiandu/audit/AuditTrail.java"))).contains("INSERT INTO audit_entry");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
