package cn.jiandu.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiandu.assessment.Grade;
import cn.jiandu.assessment.IndicatorSource;
import cn.jiandu.ledger.LedgerMetric;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.Role;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scheme model without Spring: every scoring rule, the caps, the thresholds and the 优秀 share cap with ties. */
class AssessmentSchemeRulesTests {

    static BigDecimal n(String v) {
        return new BigDecimal(v);
    }

    @Test
    void linearIsZeroAtFromFullAtToAndFlatOutside() {
        Rule r = Rule.linear("0.6", "1.0");
        assertThat(r.apply(n("0.5"), n("20"))).isEqualByComparingTo("0");
        assertThat(r.apply(n("0.6"), n("20"))).isEqualByComparingTo("0");
        assertThat(r.apply(n("0.75"), n("20"))).isEqualByComparingTo("7.50");
        assertThat(r.apply(n("0.9"), n("20"))).isEqualByComparingTo("15.00");
        assertThat(r.apply(n("1.0"), n("20"))).isEqualByComparingTo("20");
        assertThat(r.apply(n("1.2"), n("20"))).isEqualByComparingTo("20");
        assertThat(r.apply(null, n("20"))).as("no figure scores 0").isEqualByComparingTo("0");
    }

    @Test
    void linearRunsDownWhenLessIsBetter() {
        Rule r = Rule.linear("5", "0"); // 0 overdue: full, 5 or more: nothing
        assertThat(r.apply(n("0"), n("10"))).isEqualByComparingTo("10");
        assertThat(r.apply(n("2"), n("10"))).isEqualByComparingTo("6");
        assertThat(r.apply(n("7"), n("10"))).isEqualByComparingTo("0");
    }

    @Test
    void stepsTakeTheHighestStepReachedInAnyOrder() {
        Rule r = Rule.steps("5", "10", "1", "4", "3", "7");
        assertThat(r.apply(n("0"), n("10"))).isEqualByComparingTo("0");
        assertThat(r.apply(n("1"), n("10"))).isEqualByComparingTo("4");
        assertThat(r.apply(n("2"), n("10"))).isEqualByComparingTo("4");
        assertThat(r.apply(n("3"), n("10"))).isEqualByComparingTo("7");
        assertThat(r.apply(n("4.99"), n("10"))).isEqualByComparingTo("7");
        assertThat(r.apply(n("9"), n("10"))).isEqualByComparingTo("10");
    }

    @Test
    void ratioIsCappedAtTheMaximum() {
        Rule r = Rule.ratio("4");
        assertThat(r.apply(n("3"), n("20"))).isEqualByComparingTo("12");
        assertThat(r.apply(n("5"), n("20"))).isEqualByComparingTo("20");
        assertThat(r.apply(n("67"), n("20"))).isEqualByComparingTo("20");
        assertThat(Rule.ratio("0.333").apply(n("1"), n("5"))).isEqualByComparingTo("0.33");
    }

    @Test
    void theStandardSchemesOfAllThreeTypesAreValid() {
        for (Role t : List.of(Role.BRANCH_INSPECTOR, Role.TEAM_SUPERVISOR, Role.GRID_SUPERVISOR)) {
            SchemeValidator.check(StandardSchemes.of(t, 2026));
        }
    }

    @Test
    void aFullLedgerScoresAHundredAndAnEmptyOneOnlyWhatWasEntered() {
        SchemeDefinition s = StandardSchemes.of(Role.GRID_SUPERVISOR, 2026);
        Map<LedgerMetric, BigDecimal> full = Map.of(LedgerMetric.FEEDBACK_ON_TIME_RATE, n("1"),
                LedgerMetric.MATERIALS, n("6"), LedgerMetric.PROBLEMS_REPORTED, n("8"),
                LedgerMetric.PROBLEMS_RESOLVED, n("6"), LedgerMetric.EXAM_BEST, n("100"),
                LedgerMetric.WARNING_EDUCATION, n("2"));
        Scoring.Result r = Scoring.score(s, full, Map.of("QUALITY_RUBRIC", new Scoring.Entry(n("10"), "好")));
        assertThat(r.total()).isEqualByComparingTo("90");
        assertThat(r.dimensions()).extracting(Scoring.DimensionScore::score).map(BigDecimal::toPlainString)
                .containsExactly("30.00", "40.00", "20.00", "0.00");
        // the bonus dimension lifts him to the hundred, not beyond
        r = Scoring.score(s, withMetric(full, LedgerMetric.CASES_SELECTED, "3"),
                Map.of("QUALITY_RUBRIC", new Scoring.Entry(n("10"), "好"), "COMMENDED", new Scoring.Entry(n("5"), "x")));
        assertThat(r.dimensions().get(3).score()).isEqualByComparingTo("10");
        assertThat(r.total()).isEqualByComparingTo("100");

        Scoring.Result empty = Scoring.score(s, Map.of(), Map.of("QUALITY_RUBRIC", new Scoring.Entry(n("6"), "r")));
        assertThat(empty.total()).isEqualByComparingTo("6");
        Scoring.IndicatorScore onTime = empty.dimensions().get(0).indicators().get(0);
        assertThat(onTime.score()).isEqualByComparingTo("0");
        assertThat(onTime.evidence()).singleElement().satisfies(e -> {
            assertThat(e.metric()).isEqualTo("feedbackOnTimeRate");
            assertThat(e.value()).as("an absent figure is shown as absent, not as 0").isNull();
        });
    }

    @Test
    void bonusItemsAreCappedPerItemAndTheDimensionByItsWeightBothWays() {
        SchemeDefinition s = StandardSchemes.of(Role.GRID_SUPERVISOR, 2026);
        // 3 cases × 5 = 15, item cap 10; plus 5 commended: 15 → dimension cap 10
        Scoring.Result r = Scoring.score(s, Map.of(LedgerMetric.CASES_SELECTED, n("3")),
                Map.of("COMMENDED", new Scoring.Entry(n("5"), "表扬")));
        Scoring.DimensionScore adjust = r.dimensions().get(3);
        assertThat(adjust.indicators().get(0).score()).isEqualByComparingTo("10");
        assertThat(adjust.score()).isEqualByComparingTo("10");
        // 5 overdue × 2 = 10, item cap 6; neglect 10: −16 → dimension floor −10; the total never goes below 0
        r = Scoring.score(s, Map.of(LedgerMetric.PROBLEMS_OVERDUE, n("5"), LedgerMetric.PROBLEMS_REPORTED, n("1")),
                Map.of("NEGLECT", new Scoring.Entry(n("10"), "未履职")));
        adjust = r.dimensions().get(3);
        assertThat(adjust.indicators().get(2).score()).isEqualByComparingTo("6");
        assertThat(adjust.score()).isEqualByComparingTo("-10");
        assertThat(r.dimensions().get(1).score()).isEqualByComparingTo("4");
        assertThat(r.total()).isEqualByComparingTo("0");
    }

    @Test
    void anEntryAboveTheMaximumOrForAComputedIndicatorIsRefused() {
        SchemeDefinition s = StandardSchemes.of(Role.GRID_SUPERVISOR, 2026);
        Indicator rubric = s.indicator("QUALITY_RUBRIC").orElseThrow();
        assertThat(Scoring.checkEntry(rubric, n("10"))).isNull();
        assertThat(Scoring.checkEntry(rubric, n("10.01"))).isEqualTo("assessment.error.aboveMax");
        assertThat(Scoring.checkEntry(rubric, n("-1"))).isEqualTo("assessment.error.aboveMax");
        assertThat(Scoring.checkEntry(s.indicator("FOUND").orElseThrow(), n("1")))
                .isEqualTo("assessment.error.notEntered");
        assertThat(Scoring.checkEntry(s.indicator("CASES").orElseThrow(), n("1")))
                .as("a bonus computed from the ledger is not typed").isEqualTo("assessment.error.notEntered");
    }

    @Test
    void weightsNotSummingToAHundredAreRefusedNamingTheField() {
        SchemeDefinition s = StandardSchemes.of(Role.GRID_SUPERVISOR, 2026);
        List<Dimension> dims = new ArrayList<>(s.dimensions());
        Dimension d = dims.get(3);
        dims.set(3, new Dimension(d.code(), d.name(), n("15"), d.indicators()));
        assertThat(fields(new SchemeDefinition(s.type(), 2026, dims, s.grades()))).containsExactly("dimensions");
    }

    @Test
    void indicatorMaximaMustFillTheirDimension() {
        SchemeDefinition s = StandardSchemes.of(Role.GRID_SUPERVISOR, 2026);
        List<Dimension> dims = new ArrayList<>(s.dimensions());
        Dimension d = dims.get(0);
        List<Indicator> inds = new ArrayList<>(d.indicators());
        Indicator i = inds.get(0);
        inds.set(0, new Indicator(i.code(), i.name(), i.source(), i.metric(), i.rule(), n("15"), null));
        dims.set(0, new Dimension(d.code(), d.name(), d.weight(), inds));
        assertThat(fields(new SchemeDefinition(s.type(), 2026, dims, s.grades())))
                .containsExactly("dimensions[0].indicators");
    }

    @Test
    void anUnknownMetricABadRuleAndAStepAboveTheMaximumAreNamed() {
        SchemeDefinition s = StandardSchemes.of(Role.GRID_SUPERVISOR, 2026);
        List<Dimension> dims = new ArrayList<>(s.dimensions());
        Dimension d = dims.get(0);
        dims.set(0, new Dimension(d.code(), d.name(), d.weight(), List.of(
                new Indicator("A", "a", IndicatorSource.METRIC, "happiness", Rule.ratio("1"), n("20"), null),
                new Indicator("B", "b", IndicatorSource.METRIC, "materials", Rule.steps("1", "11"), n("10"), null))));
        Dimension q = dims.get(1);
        dims.set(1, new Dimension(q.code(), q.name(), q.weight(), List.of(
                new Indicator("C", "c", IndicatorSource.METRIC, "examBest", Rule.linear("60", "60"), n("30"), null),
                new Indicator("D", "d", IndicatorSource.RUBRIC, null, null, n("10"), n("3")))));
        assertThat(fields(new SchemeDefinition(s.type(), 2026, dims, s.grades()))).containsExactlyInAnyOrder(
                "dimensions[0].indicators[0].metric", "dimensions[0].indicators[1].rule.steps[0]",
                "dimensions[1].indicators[0].rule.to", "dimensions[1].indicators[1].cap");
    }

    @Test
    void overlappingThresholdsAndABadShareCapAreNamed() {
        SchemeDefinition s = StandardSchemes.of(Role.GRID_SUPERVISOR, 2026);
        assertThat(fields(new SchemeDefinition(s.type(), 2026, s.dimensions(), new Grades(n("60"), n("60"), null))))
                .containsExactly("grades.qualifiedFrom");
        assertThat(fields(new SchemeDefinition(s.type(), 2026, s.dimensions(),
                new Grades(n("90"), n("95"), n("1.5"))))).containsExactly("grades.qualifiedFrom",
                "grades.excellentShareCap");
        assertThat(fields(new SchemeDefinition(Role.EMPLOYEE, 2026, s.dimensions(), s.grades())))
                .containsExactly("type");
    }

    @Test
    void duplicateCodesAreRefused() {
        SchemeDefinition s = StandardSchemes.of(Role.GRID_SUPERVISOR, 2026);
        List<Dimension> dims = new ArrayList<>(s.dimensions());
        Dimension d = dims.get(0);
        List<Indicator> inds = new ArrayList<>(d.indicators());
        Indicator i = inds.get(1);
        inds.set(1, new Indicator("ON_TIME", i.name(), i.source(), i.metric(), i.rule(), i.max(), null));
        dims.set(0, new Dimension(d.code(), d.name(), d.weight(), inds));
        assertThat(fields(new SchemeDefinition(s.type(), 2026, dims, s.grades())))
                .containsExactly("dimensions[0].indicators[1].code");
    }

    @Test
    void thresholdsGradeAtTheirBoundary() {
        Grades g = new Grades(n("90"), n("60"), null);
        assertThat(Grading.byThreshold(g, n("90"))).isEqualTo(Grade.EXCELLENT);
        assertThat(Grading.byThreshold(g, n("89.99"))).isEqualTo(Grade.QUALIFIED);
        assertThat(Grading.byThreshold(g, n("60"))).isEqualTo(Grade.QUALIFIED);
        assertThat(Grading.byThreshold(g, n("59.99"))).isEqualTo(Grade.UNQUALIFIED);
    }

    @Test
    void withoutACapEveryoneAboveTheThresholdIsExcellent() {
        Grades g = new Grades(n("90"), n("60"), null);
        Map<Long, Grade> grades = Grading.grade(g, List.of(p(1, "95"), p(2, "91"), p(3, "92"), p(4, "50")));
        assertThat(grades).containsEntry(1L, Grade.EXCELLENT).containsEntry(2L, Grade.EXCELLENT)
                .containsEntry(3L, Grade.EXCELLENT).containsEntry(4L, Grade.UNQUALIFIED);
    }

    @Test
    void theShareCapKeepsTheBestByRankRoundingDown() {
        Grades g = new Grades(n("90"), n("60"), n("0.20"));
        List<Grading.Ranked> people = new ArrayList<>();
        people.add(p(1, "95"));
        people.add(p(2, "97"));
        people.add(p(3, "92"));
        for (long id = 10; id < 20; id++) {
            people.add(p(id, "70"));
        }
        // 13 assessed × 20 % = 2.6 → 2
        assertThat(Grading.excellentAllowed(g, 13)).isEqualTo(2);
        Map<Long, Grade> grades = Grading.grade(g, people);
        assertThat(grades).containsEntry(2L, Grade.EXCELLENT).containsEntry(1L, Grade.EXCELLENT)
                .containsEntry(3L, Grade.QUALIFIED).containsEntry(10L, Grade.QUALIFIED);
    }

    @Test
    void aTieOnTheTotalIsDecidedByTheDimensionsInOrder() {
        Grades g = new Grades(n("90"), n("60"), n("0.20"));
        List<Grading.Ranked> people = new ArrayList<>();
        people.add(new Grading.Ranked(1, n("93"), List.of(n("28"), n("38"))));
        people.add(new Grading.Ranked(2, n("93"), List.of(n("29"), n("36")))); // better first dimension
        for (long id = 10; id < 13; id++) {
            people.add(p(id, "70"));
        }
        Map<Long, Grade> grades = Grading.grade(g, people); // 5 × 20 % = 1
        assertThat(grades).containsEntry(2L, Grade.EXCELLENT).containsEntry(1L, Grade.QUALIFIED);
    }

    @Test
    void aGroupTiedOnEverythingAcrossTheBoundaryIsQualifiedAsAWhole() {
        Grades g = new Grades(n("90"), n("60"), n("0.20"));
        List<Grading.Ranked> people = new ArrayList<>();
        people.add(new Grading.Ranked(1, n("98"), List.of(n("30"))));
        people.add(new Grading.Ranked(2, n("93"), List.of(n("29"))));
        people.add(new Grading.Ranked(3, n("93"), List.of(n("29"))));
        for (long id = 10; id < 20; id++) {
            people.add(p(id, "70"));
        }
        Map<Long, Grade> grades = Grading.grade(g, people); // 13 × 20 % = 2, but 2 and 3 cannot be told apart
        assertThat(grades).containsEntry(1L, Grade.EXCELLENT).containsEntry(2L, Grade.QUALIFIED)
                .containsEntry(3L, Grade.QUALIFIED);
        assertThat(grades.values().stream().filter(x -> x == Grade.EXCELLENT).count()).isEqualTo(1);
    }

    @Test
    void aCapBelowOnePersonLeavesNoExcellent() {
        Grades g = new Grades(n("90"), n("60"), n("0.20"));
        Map<Long, Grade> grades = Grading.grade(g, List.of(p(1, "99"), p(2, "80"), p(3, "70")));
        assertThat(grades).containsEntry(1L, Grade.QUALIFIED);
    }

    private static Grading.Ranked p(long id, String total) {
        return new Grading.Ranked(id, n(total), List.of());
    }

    private static Map<LedgerMetric, BigDecimal> withMetric(Map<LedgerMetric, BigDecimal> m, LedgerMetric k,
            String v) {
        java.util.EnumMap<LedgerMetric, BigDecimal> copy = new java.util.EnumMap<>(m);
        copy.put(k, n(v));
        return copy;
    }

    private static List<String> fields(SchemeDefinition s) {
        try {
            SchemeValidator.check(s);
        } catch (Refusal r) {
            return r.fieldErrors().stream().map(Refusal.FieldError::field).toList();
        }
        throw new AssertionError("accepted: " + s);
    }

    @Test
    void refusalIsABadRequest() {
        assertThatThrownBy(() -> SchemeValidator.check(new SchemeDefinition(null, null, null, null)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID));
    }
}
