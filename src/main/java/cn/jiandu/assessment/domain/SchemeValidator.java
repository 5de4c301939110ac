package cn.jiandu.assessment.domain;

import cn.jiandu.assessment.IndicatorSource;
import cn.jiandu.ledger.LedgerMetric;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.Refusal.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a scheme as a whole and names every offending field at once ({@code dimensions[1].indicators[0].metric}):
 * weights summing to 100, each scoring dimension's indicator maxima summing to its weight, rules that fit their
 * indicator, known ledger figures, thresholds that do not overlap.
 */
public final class SchemeValidator {

    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");

    private SchemeValidator() {
    }

    public static void check(SchemeDefinition s) {
        List<FieldError> errors = new ArrayList<>();
        if (s.type() == null || !s.type().isSupervisor()) {
            errors.add(new FieldError("type", "assessment.error.type"));
        }
        if (s.year() == null || s.year() < 2000 || s.year() > 2100) {
            errors.add(new FieldError("year", "error.invalidValue"));
        }
        if (s.dimensions().isEmpty()) {
            errors.add(new FieldError("dimensions", "assessment.error.noDimensions"));
        }
        BigDecimal weights = BigDecimal.ZERO;
        Set<String> codes = new HashSet<>();
        for (int d = 0; d < s.dimensions().size(); d++) {
            Dimension dim = s.dimensions().get(d);
            String at = "dimensions[" + d + "]";
            if (dim.code() == null || !CODE.matcher(dim.code()).matches() || !codes.add(dim.code())) {
                errors.add(new FieldError(at + ".code", "assessment.error.code"));
            }
            if (blank(dim.name())) {
                errors.add(new FieldError(at + ".name", "error.required"));
            }
            if (dim.weight() == null || dim.weight().signum() <= 0) {
                errors.add(new FieldError(at + ".weight", "assessment.error.weightPositive"));
            } else {
                weights = weights.add(dim.weight());
            }
            BigDecimal scoring = BigDecimal.ZERO;
            boolean hasScoring = false;
            for (int i = 0; i < dim.indicators().size(); i++) {
                Indicator ind = dim.indicators().get(i);
                String iat = at + ".indicators[" + i + "]";
                checkIndicator(ind, iat, codes, errors);
                if (ind.source() == IndicatorSource.METRIC || ind.source() == IndicatorSource.RUBRIC) {
                    hasScoring = true;
                    if (ind.max() != null) {
                        scoring = scoring.add(ind.max());
                    }
                }
            }
            if (dim.indicators().isEmpty()) {
                errors.add(new FieldError(at + ".indicators", "assessment.error.noIndicators"));
            } else if (hasScoring && dim.weight() != null && scoring.compareTo(dim.weight()) != 0) {
                errors.add(new FieldError(at + ".indicators", "assessment.error.maxima", scoring.toPlainString(),
                        dim.weight().toPlainString()));
            }
        }
        if (!s.dimensions().isEmpty() && weights.compareTo(Scores.HUNDRED) != 0) {
            errors.add(new FieldError("dimensions", "assessment.error.weights", weights.toPlainString()));
        }
        checkGrades(s.grades(), errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalidFields(errors);
        }
    }

    private static void checkIndicator(Indicator ind, String at, Set<String> codes, List<FieldError> errors) {
        if (ind.code() == null || !CODE.matcher(ind.code()).matches() || !codes.add(ind.code())) {
            errors.add(new FieldError(at + ".code", "assessment.error.code"));
        }
        if (blank(ind.name())) {
            errors.add(new FieldError(at + ".name", "error.required"));
        }
        if (ind.source() == null) {
            errors.add(new FieldError(at + ".source", "error.required"));
            return;
        }
        if (ind.max() == null || ind.max().signum() <= 0) {
            errors.add(new FieldError(at + ".max", "assessment.error.maxPositive"));
        }
        if (ind.cap() != null && (!ind.adjusts() || ind.cap().signum() <= 0)) {
            errors.add(new FieldError(at + ".cap", "assessment.error.cap"));
        }
        boolean needsMetric = ind.source() == IndicatorSource.METRIC;
        if (ind.metric() != null && LedgerMetric.ofJson(ind.metric()).isEmpty()) {
            errors.add(new FieldError(at + ".metric", "assessment.error.metric", ind.metric()));
        } else if (needsMetric && ind.metric() == null) {
            errors.add(new FieldError(at + ".metric", "error.required"));
        } else if (ind.source() == IndicatorSource.RUBRIC && ind.metric() != null) {
            errors.add(new FieldError(at + ".metric", "assessment.error.rubricMetric"));
        }
        if (ind.metric() != null && ind.rule() == null && ind.source() != IndicatorSource.RUBRIC) {
            errors.add(new FieldError(at + ".rule", "error.required"));
        }
        if (ind.rule() != null) {
            if (ind.metric() == null) {
                errors.add(new FieldError(at + ".rule", "assessment.error.ruleWithoutMetric"));
            } else {
                checkRule(ind.rule(), ind.itemCap(), at + ".rule", errors);
            }
        }
    }

    private static void checkRule(Rule r, BigDecimal scale, String at, List<FieldError> errors) {
        if (r.kind() == null) {
            errors.add(new FieldError(at + ".kind", "error.required"));
            return;
        }
        switch (r.kind()) {
            case LINEAR -> {
                if (r.from() == null || r.to() == null || r.from().compareTo(r.to()) == 0) {
                    errors.add(new FieldError(at + ".to", "assessment.error.linear"));
                }
            }
            case STEPS -> {
                if (r.steps() == null || r.steps().isEmpty()) {
                    errors.add(new FieldError(at + ".steps", "error.required"));
                    return;
                }
                Set<BigDecimal> seen = new HashSet<>();
                for (int k = 0; k < r.steps().size(); k++) {
                    Rule.Step st = r.steps().get(k);
                    if (st.atLeast() == null || st.score() == null || st.score().signum() < 0
                            || !seen.add(st.atLeast().stripTrailingZeros())
                            || (scale != null && st.score().compareTo(scale) > 0)) {
                        errors.add(new FieldError(at + ".steps[" + k + "]", "assessment.error.step"));
                    }
                }
            }
            case RATIO -> {
                if (r.points() == null || r.points().signum() <= 0) {
                    errors.add(new FieldError(at + ".points", "assessment.error.points"));
                }
            }
        }
    }

    private static void checkGrades(Grades g, List<FieldError> errors) {
        if (g == null) {
            errors.add(new FieldError("grades", "error.required"));
            return;
        }
        if (g.excellentFrom() == null || g.excellentFrom().signum() <= 0
                || g.excellentFrom().compareTo(Scores.HUNDRED) > 0) {
            errors.add(new FieldError("grades.excellentFrom", "assessment.error.threshold"));
        }
        if (g.qualifiedFrom() == null || g.qualifiedFrom().signum() <= 0
                || g.qualifiedFrom().compareTo(Scores.HUNDRED) > 0) {
            errors.add(new FieldError("grades.qualifiedFrom", "assessment.error.threshold"));
        }
        if (g.excellentFrom() != null && g.qualifiedFrom() != null
                && g.qualifiedFrom().compareTo(g.excellentFrom()) >= 0) {
            errors.add(new FieldError("grades.qualifiedFrom", "assessment.error.overlap"));
        }
        if (g.excellentShareCap() != null && (g.excellentShareCap().signum() <= 0
                || g.excellentShareCap().compareTo(BigDecimal.ONE) > 0)) {
            errors.add(new FieldError("grades.excellentShareCap", "assessment.error.shareCap"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
