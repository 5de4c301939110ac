package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    /** Committed, referenced from the README: the picture of the modules is written from the code on every run. */
    static final Path DOCS = Path.of("docs/modules");

    private final ApplicationModules modules = ApplicationModules.of(JianduApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDiagramsAndCanvases() throws IOException {
        // the whole folder is generated: Documenter empties it first, so nothing hand-written may live there
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString())).writeDocumentation();

        assertThat(DOCS.resolve("components.puml")).content().contains("\"Problem\"").contains("\"Org\"");
        for (var module : modules) {
            String name = module.getIdentifier().toString();
            assertThat(DOCS.resolve("module-" + name + ".puml")).exists();
            assertThat(DOCS.resolve("module-" + name + ".adoc")).exists();
        }
        assertThat(Files.list(DOCS).count()).isGreaterThan(2L * modules.stream().count());
    }
}
