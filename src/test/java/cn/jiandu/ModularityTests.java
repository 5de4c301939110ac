package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    /** Committed, referenced from the README: the picture of the modules is written from the code on every run. */
    static final Path DOCS = Path.of("docs/modules");

    /** Where Documenter writes (it empties the folder first); what changed is copied to {@link #DOCS}. */
    static final Path GENERATED = Path.of("target/spring-modulith-docs");

    private final ApplicationModules modules = ApplicationModules.of(JianduApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDiagramsAndCanvases() throws IOException {
        // The canvases read the Javadoc (target/generated-spring-modulith/javadoc.json) with Boot's BasicJsonParser,
        // which cannot read a quoted comma in a comment ("A,C"): write {@code A,C} instead, or this test fails.
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeDocumentation();
        syncInto(DOCS);

        assertThat(DOCS.resolve("components.puml")).content().contains("\"Problem\"").contains("\"Org\"");
        for (var module : modules) {
            String name = module.getIdentifier().toString();
            assertThat(DOCS.resolve("module-" + name + ".puml")).exists();
            assertThat(DOCS.resolve("module-" + name + ".adoc")).exists();
        }
        assertThat(names(DOCS)).isEqualTo(names(GENERATED));
    }

    /**
     * Copies a generated file only when its lines differ as a set: Documenter writes the relations of a diagram in
     * no fixed order (and the canvases their lists), and a test run must not leave the work tree dirty (a dirty tree stops {@code git rebase}).
     * Files no longer generated are removed.
     */
    private static void syncInto(Path docs) throws IOException {
        Files.createDirectories(docs);
        for (String name : names(GENERATED)) {
            Path from = GENERATED.resolve(name);
            Path to = docs.resolve(name);
            if (!Files.exists(to) || !lines(from).equals(lines(to))) {
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (String name : names(docs)) {
            if (!Files.exists(GENERATED.resolve(name))) {
                Files.delete(docs.resolve(name));
            }
        }
    }

    private static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    private static List<String> lines(Path file) throws IOException {
        // an AsciiDoc table cell's list starts with "|* first item": which item is first varies as well
        return Files.readAllLines(file).stream().map(l -> l.startsWith("|* ") ? l.substring(1) : l).sorted().toList();
    }
}
