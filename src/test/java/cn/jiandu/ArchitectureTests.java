package cn.jiandu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The layers inside every module: {@code web} → {@code domain} → the module's API (its root package), never back.
 * Spring Modulith's {@code verify()} ({@link ModularityTests}) guards the borders between modules; these rules guard
 * the order inside one, so that domain code stays usable from a scheduler, a listener or a test without HTTP.
 *
 * <p>Each rule is also run once on a small set of fixture classes ({@code cn.jiandu.archfixture}, test sources
 * only, so neither the main check nor Modulith sees them) that break it on purpose: a rule that could never fail
 * would prove nothing.
 */
class ArchitectureTests {

    /** The application's classes; test classes (and the fixtures) are left out. */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.jiandu");

    /** Domain code knows no HTTP: no servlet, no Spring web or HTTP types, no web package of any module. */
    static final ArchRule DOMAIN_KNOWS_NO_HTTP = noClasses()
            .that().resideInAPackage("cn.jiandu.*.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                    "cn.jiandu..web..")
            .because("domain code throws shared.Refusal and takes shared.Upload; the web layer maps them to HTTP");

    /** A module's API (its root package) is what others may use; it never reaches into a domain or web package. */
    static final ArchRule API_NEVER_REACHES_BACK = noClasses()
            .that().resideInAPackage("cn.jiandu.*")
            .should().dependOnClassesThat().resideInAnyPackage("cn.jiandu.*.domain..", "cn.jiandu.*.web..")
            .because("web -> domain -> module API, never back: the API must not drag internals along");

    @Test
    void domainKnowsNoHttp() {
        DOMAIN_KNOWS_NO_HTTP.check(MAIN);
    }

    @Test
    void moduleApisNeverReachBack() {
        API_NEVER_REACHES_BACK.check(MAIN);
    }

    @Test
    void theMainCheckSeesTheApplication() {
        // guards against a rule passing because it looked at nothing (a wrong package, an import option too strict)
        assertThat(MAIN.contain("cn.jiandu.problem.domain.ProblemService")).isTrue();
        assertThat(MAIN.contain("cn.jiandu.archfixture.domain.LeakyService")).isFalse();
    }

    @Test
    void eachRuleFailsOnADeliberateBreach() {
        JavaClasses fixtures = new ClassFileImporter().importPackages("cn.jiandu.archfixture");

        EvaluationResult domain = DOMAIN_KNOWS_NO_HTTP.evaluate(fixtures);
        assertThat(domain.hasViolation()).isTrue();
        assertThat(domain.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("LeakyService").contains("MultipartFile"))
                .anySatisfy(d -> assertThat(d).contains("LeakyService").contains("HttpStatus"))
                .anySatisfy(d -> assertThat(d).contains("LeakyService").contains("archfixture.web.FixturePages"))
                .noneSatisfy(d -> assertThat(d).contains("Class <cn.jiandu.archfixture.domain.CleanService>"));

        EvaluationResult api = API_NEVER_REACHES_BACK.evaluate(fixtures);
        assertThat(api.hasViolation()).isTrue();
        assertThat(api.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("FixtureFacade").contains("archfixture.domain.CleanService"));
    }
}
