package cn.jiandu.shared.seed;

import java.util.Set;

/**
 * One named step of the data an installation starts with: the root org unit, the standard sharing spaces, and in
 * the {@code demo} profile the demo organisation, people and records. A module declares its steps as beans (demo
 * steps with {@code @Profile("demo")}); {@link SeedRunner} runs all of them once at start, each after the steps it
 * names in {@link #after()} and before those in {@link #before()}. Names are {@code module.what}
 * ({@code org.demo}, {@code identity.demo-people}); a name referred to but not declared, two steps of one name or a
 * cycle stop the start, naming the culprit. A step must be idempotent: it runs at every start and does nothing when
 * its data is already there.
 */
public interface SeedStep {

    /** {@code module.what}, unique among all steps. */
    String name();

    /** Steps that must have run before this one. */
    default Set<String> after() {
        return Set.of();
    }

    /**
     * Steps that must run after this one, for a step that another module's step cannot know of (a demo step that
     * must precede an always-present step).
     */
    default Set<String> before() {
        return Set.of();
    }

    void run();

    /** A step from a name, its order and a body, for a module that declares it as a {@code @Bean}. */
    static SeedStep of(String name, Set<String> after, Runnable body) {
        return new SeedStep() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<String> after() {
                return after;
            }

            @Override
            public void run() {
                body.run();
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
