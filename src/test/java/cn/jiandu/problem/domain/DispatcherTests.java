package cn.jiandu.problem.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatcherTests {

    // 1 company, 2 市场经营部, 3 its team, 10 合浦分公司, 11 廉州网格, 20 网络部
    static final Map<Long, String> PATHS = Map.of(1L, "/1/", 2L, "/1/2/", 3L, "/1/2/3/", 10L, "/1/10/",
            11L, "/1/10/11/", 20L, "/1/20/");

    static DispatchRule rule(long id, String category, Long org, String keywords, long unit, int priority,
            boolean enabled) {
        return new DispatchRule(id, "r" + id, category, org, keywords, unit, 5, priority, enabled);
    }

    static java.util.Optional<DispatchRule> choose(List<DispatchRule> rules, String category, long unit,
            String text) {
        return Dispatcher.choose(rules, category, PATHS.get(unit), text, PATHS::get);
    }

    @Test
    void smallestPriorityAmongEnabledMatchesWins() {
        List<DispatchRule> rules = List.of(rule(1, "SERVICE", null, null, 2, 50, true),
                rule(2, "SERVICE", 10L, null, 10, 10, true), rule(3, null, 10L, null, 99, 1, false));
        assertThat(choose(rules, "SERVICE", 11, "x")).get().extracting(DispatchRule::id).isEqualTo(2L);
        assertThat(choose(rules, "SERVICE", 3, "x")).get().extracting(DispatchRule::id).isEqualTo(1L);
    }

    @Test
    void orgRuleMatchesItsSubtreeOnly() {
        List<DispatchRule> rules = List.of(rule(1, null, 2L, null, 2, 10, true));
        assertThat(choose(rules, "ANY", 3, "x")).isPresent();
        assertThat(choose(rules, "ANY", 2, "x")).isPresent();
        assertThat(choose(rules, "ANY", 11, "x")).isEmpty();
    }

    @Test
    void keywordsMustAppearWhenGiven() {
        List<DispatchRule> rules = List.of(rule(1, "SAFETY", null, "电缆，机房", 20, 10, true));
        assertThat(choose(rules, "SAFETY", 3, "机房漏水")).isPresent();
        assertThat(choose(rules, "SAFETY", 3, "营业厅排队")).isEmpty();
        assertThat(choose(rules, "OTHER", 3, "机房漏水")).isEmpty();
    }

    @Test
    void noMatchMeansManualDispatch() {
        assertThat(choose(List.of(), "SERVICE", 3, "x")).isEmpty();
    }

    @Test
    void tieOnPriorityGoesToTheOlderRule() {
        List<DispatchRule> rules = List.of(rule(7, null, null, null, 2, 10, true), rule(4, null, null, null, 3, 10,
                true));
        assertThat(choose(rules, "X", 3, "")).get().extracting(DispatchRule::id).isEqualTo(4L);
    }
}
