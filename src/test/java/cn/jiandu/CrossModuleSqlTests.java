package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Cross-module data is owned: a module's SQL names only its own tables. Another module's data is read through that
 * module's facade or through the SQL it publishes ({@code cn.jiandu.org.OrgSql} for the org tree), so that the
 * module that owns a table can change it.
 *
 * <p>A table belongs to the module whose migration folder creates it ({@code db/migration/<module>/}; the
 * {@code platform} folder, Spring Session, ShedLock, the event registry and idempotency records, belongs to
 * {@code shared}). The SQL scanned is every string literal and text block of a module's main code (a module is the
 * first package below {@code cn.jiandu}) and every migration of its folder. A table counts as named where it follows
 * {@code FROM}, {@code JOIN}, {@code INTO}, {@code UPDATE}, {@code TABLE} or {@code REFERENCES}, which is how SQL
 * names a table it reads, writes or points at (a second table of a comma join would slip through: Jiandu writes
 * joins as {@code JOIN}).
 *
 * <p>The only exceptions are the cross-module foreign keys listed in {@link #ALLOWED} and documented in
 * {@code docs/conventions.md}. Run once over fixtures that break the rule on purpose
 * ({@code src/test/resources/crossmodulesql/}), so that a scanner that found nothing could not pass.
 */
class CrossModuleSqlTests {

    private static final Path MAIN_JAVA = Path.of("src/main/java/cn/jiandu");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path FIXTURES = Path.of("src/test/resources/crossmodulesql");

    /** Migration folders that are not a module of their own: their tables belong to the kernel. */
    private static final Map<String, String> FOLDER_OWNER = Map.of("platform", "shared");

    /**
     * Where a module may name another module's table. Only foreign keys from migrations (never queries): the org
     * tree and the users are the two identities every module records against, and a foreign key keeps a unit or a
     * person from being deleted under a record that names it. A query still goes through {@code OrgSql} or a facade.
     */
    static final Set<Allowance> ALLOWED = Set.of(
            new Allowance(Kind.MIGRATION, "REFERENCES", "org_unit"),
            new Allowance(Kind.MIGRATION, "REFERENCES", "app_user"));

    private static final Pattern TABLE_NAMED = Pattern.compile(
            "\\b(FROM|JOIN|INTO|UPDATE|TABLE|REFERENCES)\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?([a-z_][a-z0-9_]*)(?=[\\s(),;]|$)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CREATES = Pattern.compile(
            "\\bCREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:TABLE|VIEW)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    enum Kind { JAVA, MIGRATION }

    record Allowance(Kind kind, String keyword, String table) {}

    /** SQL text found in one place: the module it belongs to, where it is (file), and whether code or migration. */
    record SqlText(String module, Kind kind, String where, String sql) {}

    @Test
    void everyModuleNamesOnlyItsOwnTables() {
        Map<String, String> owners = tableOwners(MIGRATIONS);
        List<SqlText> sql = new ArrayList<>(javaSql(MAIN_JAVA));
        sql.addAll(migrationSql(MIGRATIONS));
        assertThat(breaches(owners, sql)).isEmpty();
    }

    @Test
    void theScanSeesTheApplication() {
        // a rule that looked at nothing would pass: the owners and the scanned SQL must be the real ones
        Map<String, String> owners = tableOwners(MIGRATIONS);
        assertThat(owners).containsEntry("org_unit", "org").containsEntry("app_user", "identity")
                .containsEntry("problem", "problem").containsEntry("shedlock", "shared");
        List<SqlText> java = javaSql(MAIN_JAVA);
        assertThat(java).anySatisfy(t -> {
            assertThat(t.module()).isEqualTo("problem");
            assertThat(t.sql()).containsIgnoringCase("FROM problem");
        });
        assertThat(migrationSql(MIGRATIONS)).anySatisfy(t -> {
            assertThat(t.module()).isEqualTo("selection");
            assertThat(t.sql()).containsIgnoringCase("REFERENCES org_unit");
        });
    }

    @Test
    void failsOnADeliberateBreach() {
        // the fixtures: a problem-module class whose queries read org_unit (a text block) and app_user (a literal
        // split over a concatenation), and a problem migration that copies identity's table; all three must show
        Map<String, String> owners = tableOwners(MIGRATIONS);
        List<SqlText> sql = new ArrayList<>(javaSql(FIXTURES.resolve("java")));
        sql.addAll(migrationSql(FIXTURES.resolve("migration")));
        List<String> found = breaches(owners, sql);
        assertThat(found)
                .anySatisfy(b -> assertThat(b).contains("problem").contains("LeakyQueries.java")
                        .contains("FROM org_unit").contains("owned by org"))
                .anySatisfy(b -> assertThat(b).contains("LeakyQueries.java").contains("JOIN app_user")
                        .contains("owned by identity"))
                .anySatisfy(b -> assertThat(b).contains("V9_9_9__leak.sql").contains("INTO app_user"))
                // an allowed foreign key, and the module's own table, are not breaches
                .noneSatisfy(b -> assertThat(b).contains("REFERENCES org_unit"))
                .noneSatisfy(b -> assertThat(b).contains("FROM problem "))
                // a comment and a message are not SQL
                .noneSatisfy(b -> assertThat(b).contains("app_user_role"));
        assertThat(found).hasSize(3);
    }

    static List<String> breaches(Map<String, String> owners, List<SqlText> sql) {
        List<String> found = new ArrayList<>();
        for (SqlText t : sql) {
            Matcher m = TABLE_NAMED.matcher(t.sql());
            while (m.find()) {
                String keyword = m.group(1).toUpperCase(Locale.ROOT);
                String table = m.group(2).toLowerCase(Locale.ROOT);
                String owner = owners.get(table);
                if (owner == null || owner.equals(t.module())
                        || ALLOWED.contains(new Allowance(t.kind(), keyword, table))) {
                    continue;
                }
                found.add(t.module() + " (" + t.where() + "): " + keyword + " " + table + " is owned by " + owner);
            }
        }
        return found;
    }

    /** Table (or view) name → owning module, from the CREATE statements of each module's migration folder. */
    static Map<String, String> tableOwners(Path migrations) {
        Map<String, String> owners = new TreeMap<>();
        for (SqlText t : migrationSql(migrations)) {
            Matcher m = CREATES.matcher(t.sql());
            while (m.find()) {
                owners.put(m.group(1).toLowerCase(Locale.ROOT), t.module());
            }
        }
        return owners;
    }

    static List<SqlText> migrationSql(Path migrations) {
        return files(migrations, ".sql").stream().map(f -> {
            String folder = migrations.relativize(f).getName(0).toString();
            String text = read(f).replaceAll("--[^\n]*", " ").replaceAll("(?s)/\\*.*?\\*/", " ");
            return new SqlText(FOLDER_OWNER.getOrDefault(folder, folder), Kind.MIGRATION, f.toString(), text);
        }).toList();
    }

    /** Per Java file below a root holding one folder per module: all its string literals, in order, as one text. */
    static List<SqlText> javaSql(Path root) {
        return files(root, ".java").stream()
                .filter(f -> root.relativize(f).getNameCount() > 1) // JianduApplication belongs to no module
                .map(f -> new SqlText(root.relativize(f).getName(0).toString(), Kind.JAVA, f.toString(),
                        String.join(" ", JavaStrings.of(read(f)))))
                .toList();
    }

    private static List<Path> files(Path root, String ending) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(ending)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The string literals and text blocks of Java source, skipping comments and char literals. */
    static final class JavaStrings {

        static List<String> of(String src) {
            List<String> out = new ArrayList<>();
            int i = 0;
            int n = src.length();
            while (i < n) {
                char c = src.charAt(i);
                if (src.startsWith("//", i)) {
                    i = lineEnd(src, i);
                } else if (src.startsWith("/*", i)) {
                    int end = src.indexOf("*/", i + 2);
                    i = end < 0 ? n : end + 2;
                } else if (src.startsWith("\"\"\"", i)) {
                    int end = src.indexOf("\"\"\"", i + 3);
                    end = end < 0 ? n : end;
                    out.add(src.substring(i + 3, end));
                    i = end + 3;
                } else if (c == '"' || c == '\'') {
                    StringBuilder s = new StringBuilder();
                    int j = i + 1;
                    while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                        if (src.charAt(j) == '\\' && j + 1 < n) {
                            j++;
                        }
                        s.append(src.charAt(j));
                        j++;
                    }
                    if (c == '"') {
                        out.add(s.toString());
                    }
                    i = j + 1;
                } else {
                    i++;
                }
            }
            return out;
        }

        private static int lineEnd(String src, int from) {
            int end = src.indexOf('\n', from);
            return end < 0 ? src.length() : end;
        }
    }
}
