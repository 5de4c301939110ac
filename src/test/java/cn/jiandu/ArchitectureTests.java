package cn.jiandu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.EvaluationResult;
import cn.jiandu.shared.web.HtmxRequest;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestHeader;

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

    /**
     * One name for page controllers: {@code @Controller} (not {@code @RestController}, which is an API) classes in a
     * web package are {@code XxxPages}. Boot's error dispatch ({@code ProblemErrorController}, an
     * {@link ErrorController} serving {@code /error} for API and pages alike) is not a module's pages and keeps the
     * name Boot gives the role.
     */
    static final ArchRule PAGE_CONTROLLERS_ARE_NAMED_PAGES = classes()
            .that().resideInAPackage("..web..")
            .and().areAnnotatedWith(Controller.class)
            .and().doNotImplement(ErrorController.class)
            .should().haveSimpleNameEndingWith("Pages")
            .because("every page controller is XxxPages (docs/new-module.md)");

    /** A page handler asks whether htmx made the request by declaring an {@link HtmxRequest}, not the raw header. */
    static final ArchRule HANDLERS_TAKE_HTMX_REQUEST = methods()
            .that().areDeclaredInClassesThat().resideInAPackage("..web..")
            .should(notReadTheHtmxHeaderByHand())
            .because("HtmxRequest is the one idiom; filters and exception handlers use HtmxRequest.of(request)");

    private static ArchCondition<JavaMethod> notReadTheHtmxHeaderByHand() {
        return new ArchCondition<>("not take @RequestHeader(\"" + HtmxRequest.HEADER + "\")") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaParameter p : method.getParameters()) {
                    p.tryGetAnnotationOfType(RequestHeader.class)
                            .filter(h -> HtmxRequest.HEADER.equalsIgnoreCase(h.value())
                                    || HtmxRequest.HEADER.equalsIgnoreCase(h.name()))
                            .ifPresent(h -> events.add(SimpleConditionEvent.violated(method,
                                    method.getFullName() + " reads " + HtmxRequest.HEADER + " by hand")));
                }
            }
        };
    }

    /** Jiandu runs on several nodes: a scheduled job without a ShedLock would run once per node. */
    static final ArchRule SCHEDULED_JOBS_TAKE_A_LOCK = methods()
            .that().areAnnotatedWith(Scheduled.class)
            .should().beAnnotatedWith(SchedulerLock.class)
            .because("every @Scheduled job runs on one node at a time (shared.scheduling.SchedulingConfig)");

    @Test
    void scheduledJobsTakeALock() {
        SCHEDULED_JOBS_TAKE_A_LOCK.check(MAIN);
    }

    @Test
    void pageControllersAreNamedPages() {
        PAGE_CONTROLLERS_ARE_NAMED_PAGES.check(MAIN);
    }

    @Test
    void pageHandlersTakeHtmxRequest() {
        HANDLERS_TAKE_HTMX_REQUEST.check(MAIN);
    }

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

    @Test
    void theLockRuleFailsOnADeliberateBreach() {
        EvaluationResult locks = SCHEDULED_JOBS_TAKE_A_LOCK.evaluate(new ClassFileImporter().importPackages("archfixture"));
        assertThat(locks.hasViolation()).isTrue();
        assertThat(locks.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("FixtureJobs.unlocked()"))
                .noneSatisfy(d -> assertThat(d).contains("FixtureJobs.locked()"));
    }

    @Test
    void theWebRulesFailOnADeliberateBreach() {
        // outside cn.jiandu: a @Controller under cn.jiandu would be registered by the tests' component scan
        JavaClasses fixtures = new ClassFileImporter().importPackages("archfixture");

        EvaluationResult naming = PAGE_CONTROLLERS_ARE_NAMED_PAGES.evaluate(fixtures);
        assertThat(naming.hasViolation()).isTrue();
        assertThat(naming.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("archfixture.web.WronglyNamedController"))
                .noneSatisfy(d -> assertThat(d).contains("FixtureApi"))
                .noneSatisfy(d -> assertThat(d).contains("FixturePages"));

        EvaluationResult header = HANDLERS_TAKE_HTMX_REQUEST.evaluate(fixtures);
        assertThat(header.hasViolation()).isTrue();
        assertThat(header.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("WronglyNamedController.page(java.lang.String)"))
                .noneSatisfy(d -> assertThat(d).contains("FixtureApi"))
                .noneSatisfy(d -> assertThat(d).contains("FixturePages"));
    }
}
