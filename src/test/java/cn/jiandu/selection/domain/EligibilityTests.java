package cn.jiandu.selection.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiandu.org.OrgUnitType;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.selection.PerformanceGrade;
import cn.jiandu.selection.PoliticalStatus;
import cn.jiandu.selection.domain.Eligibility.Check;
import cn.jiandu.selection.domain.Eligibility.Result;
import cn.jiandu.shared.Refusal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The criteria: 政治关, 素质关 (three years at least 良好, frontline years), 人员关, no disciplinary record. */
class EligibilityTests {

    private static final OrgUnitView BRANCH = new OrgUnitView(5, 2L, "市场经营部党支部", OrgUnitType.PARTY_BRANCH, 0, true,
            "/1/2/5/");
    private static final OrgUnitView TEAM = new OrgUnitView(9, 5L, "渠道管理班组", OrgUnitType.TEAM, 0, true,
            "/1/2/5/9/");
    private static final OrgUnitView OTHER = new OrgUnitView(19, 3L, "网络维护班组", OrgUnitType.TEAM, 0, true,
            "/1/3/7/19/");

    private static Profile profile(PoliticalStatus s, int years, boolean disciplinary, Map<Integer, PerformanceGrade> g) {
        return new Profile(1, s, LocalDate.of(2010, 7, 1), "客户经理", years, g, disciplinary);
    }

    private static final Map<Integer, PerformanceGrade> GOOD = Map.of(2023, PerformanceGrade.GOOD, 2024,
            PerformanceGrade.EXCELLENT, 2025, PerformanceGrade.GOOD);

    private static boolean passed(List<Result> results, Check c) {
        return results.stream().filter(r -> r.check() == c).findFirst().orElseThrow().passed();
    }

    @Test
    void aPartyMemberOfTheTeamWithGoodYearsPassesEverything() {
        List<Result> r = Eligibility.evaluate(profile(PoliticalStatus.CPC_MEMBER, 5, false, GOOD), TEAM, TEAM, 2026, 3);
        assertThat(r).extracting(Result::check).containsExactly(Check.values());
        assertThat(r).allMatch(Result::passed);
        assertThat(Eligibility.failed(r)).isEmpty();
        // the branch's subtree counts for 人员关
        assertThat(passed(Eligibility.evaluate(profile(PoliticalStatus.CPC_MEMBER, 5, false, GOOD), TEAM, BRANCH,
                2026, 3), Check.MEMBERSHIP)).isTrue();
    }

    @Test
    void eachCriterionFailsOnItsOwn() {
        assertThat(Eligibility.failed(Eligibility.evaluate(profile(PoliticalStatus.CPC_PROBATIONARY, 5, false, GOOD),
                TEAM, TEAM, 2026, 3))).containsExactly(Check.POLITICAL);
        assertThat(Eligibility.failed(Eligibility.evaluate(profile(PoliticalStatus.CPC_MEMBER, 2, false, GOOD),
                TEAM, TEAM, 2026, 3))).containsExactly(Check.FRONTLINE);
        assertThat(Eligibility.failed(Eligibility.evaluate(profile(PoliticalStatus.CPC_MEMBER, 3, false, GOOD),
                TEAM, TEAM, 2026, 3))).isEmpty();
        assertThat(Eligibility.failed(Eligibility.evaluate(profile(PoliticalStatus.CPC_MEMBER, 5, true, GOOD),
                TEAM, TEAM, 2026, 3))).containsExactly(Check.DISCIPLINE);
        assertThat(Eligibility.failed(Eligibility.evaluate(profile(PoliticalStatus.CPC_MEMBER, 5, false, GOOD),
                OTHER, TEAM, 2026, 3))).containsExactly(Check.MEMBERSHIP);
        // a parent unit is not inside the team
        assertThat(Eligibility.failed(Eligibility.evaluate(profile(PoliticalStatus.CPC_MEMBER, 5, false, GOOD),
                BRANCH, TEAM, 2026, 3))).containsExactly(Check.MEMBERSHIP);
    }

    @Test
    void performanceNeedsEachOfTheLastThreeYearsAtLeastGood() {
        Map<Integer, PerformanceGrade> oneQualified = Map.of(2023, PerformanceGrade.GOOD, 2024,
                PerformanceGrade.QUALIFIED, 2025, PerformanceGrade.EXCELLENT);
        assertThat(Eligibility.failed(Eligibility.evaluate(profile(PoliticalStatus.CPC_MEMBER, 5, false,
                oneQualified), TEAM, TEAM, 2026, 3))).containsExactly(Check.PERFORMANCE);
        Map<Integer, PerformanceGrade> missingYear = Map.of(2023, PerformanceGrade.GOOD, 2025, PerformanceGrade.GOOD);
        assertThat(Eligibility.failed(Eligibility.evaluate(profile(PoliticalStatus.CPC_MEMBER, 5, false,
                missingYear), TEAM, TEAM, 2026, 3))).containsExactly(Check.PERFORMANCE);
        // the years before the nomination's year count, not the current one
        assertThat(Eligibility.failed(Eligibility.evaluate(profile(PoliticalStatus.CPC_MEMBER, 5, false, GOOD),
                TEAM, TEAM, 2025, 3))).containsExactly(Check.PERFORMANCE);
    }

    @Test
    void noProfileFailsTheChecksThatNeedOne() {
        assertThat(Eligibility.failed(Eligibility.evaluate(null, TEAM, TEAM, 2026, 3)))
                .containsExactly(Check.POLITICAL, Check.PERFORMANCE, Check.FRONTLINE, Check.DISCIPLINE);
    }

    @Test
    void passingAFailedCheckNeedsAWrittenReasonForEachOne() {
        List<Result> r = Eligibility.evaluate(profile(PoliticalStatus.MASSES, 1, false, GOOD), OTHER, TEAM, 2026, 3);
        assertThatThrownBy(() -> Eligibility.requireReasons(r, Map.of("POLITICAL", "群众骨干")))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fieldErrors())
                        .extracting(Refusal.FieldError::field)
                        .containsExactly("overrideReasons.FRONTLINE", "overrideReasons.MEMBERSHIP"));
        assertThatThrownBy(() -> Eligibility.requireReasons(r, Map.of("POLITICAL", "a", "FRONTLINE", " ",
                "MEMBERSHIP", "b"))).isInstanceOf(Refusal.class);
        Eligibility.requireReasons(r, Map.of("POLITICAL", "a", "FRONTLINE", "b", "MEMBERSHIP", "c"));
        Eligibility.requireReasons(Eligibility.evaluate(profile(PoliticalStatus.CPC_MEMBER, 5, false, GOOD), TEAM,
                TEAM, 2026, 3), null);
    }
}
