package cn.jiandu.problem.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Picks the winning dispatch rule: among the enabled matching rules the smallest priority, then the oldest. */
public final class Dispatcher {

    private Dispatcher() {
    }

    public static Optional<DispatchRule> choose(List<DispatchRule> rules, String category, String unitPath,
            String text, Function<Long, String> pathOf) {
        return rules.stream()
                .filter(r -> r.matches(category, unitPath, r.orgUnitId() == null ? null : pathOf.apply(r.orgUnitId()),
                        text))
                .min(Comparator.comparingInt(DispatchRule::priority).thenComparing(DispatchRule::id,
                        Comparator.nullsLast(Comparator.naturalOrder())));
    }
}
