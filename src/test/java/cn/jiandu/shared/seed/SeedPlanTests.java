package cn.jiandu.shared.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedPlanTests {

    private static SeedStep step(String name, String... after) {
        return SeedStep.of(name, Set.of(after), () -> { });
    }

    @Test
    void ordersStepsAfterWhatTheyNameAndBreaksTiesByName() {
        SeedPlan plan = new SeedPlan(List.of(
                step("problem.demo", "identity.demo-people"),
                step("org.root"),
                step("identity.demo-people", "org.root"),
                step("audit.demo")));

        assertThat(plan.names()).containsExactly("audit.demo", "org.root", "identity.demo-people", "problem.demo");
    }

    @Test
    void aStepThatMustPrecedeAnotherRunsFirst() {
        SeedStep early = new SeedStep() {
            @Override
            public String name() {
                return "org.demo";
            }

            @Override
            public Set<String> before() {
                return Set.of("org.root");
            }

            @Override
            public void run() {
            }
        };
        assertThat(new SeedPlan(List.of(step("org.root"), early)).names()).containsExactly("org.demo", "org.root");
    }

    @Test
    void refusesTwoStepsOfOneName() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new SeedPlan(List.of(step("org.root"), step("org.root"))))
                .withMessageContaining("two seed steps are named org.root");
    }

    @Test
    void refusesAReferenceToAStepNoModuleDeclares() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new SeedPlan(List.of(step("exam.demo", "training.demo"))))
                .withMessageContaining("exam.demo refers to training.demo");
    }

    @Test
    void refusesACycleNamingItsSteps() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new SeedPlan(List.of(step("a.one", "b.two"), step("b.two", "a.one"), step("c.free"))))
                .withMessageContaining("[a.one, b.two]");
    }
}
