package cn.jiandu.assessment.domain;

import cn.jiandu.assessment.IndicatorSource;
import cn.jiandu.ledger.LedgerMetric;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Computes one person's score under a scheme from his ledger figures and the scores the office entered. */
public final class Scoring {

    private Scoring() {
    }

    /** Why an indicator scored what it did. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Evidence(String metric, BigDecimal value, BigDecimal entered, String reason) {
    }

    public record IndicatorScore(String code, IndicatorSource source, BigDecimal score, BigDecimal max,
            List<Evidence> evidence) {
    }

    public record DimensionScore(String code, BigDecimal score, BigDecimal weight, List<IndicatorScore> indicators) {
    }

    public record Result(BigDecimal total, List<DimensionScore> dimensions) {
    }

    /** What the office entered for an indicator. */
    public record Entry(BigDecimal score, String reason) {
    }

    /**
     * @param metrics figures by metric; a missing or null figure scores 0
     * @param entries entered scores by indicator code
     */
    public static Result score(SchemeDefinition scheme, Map<LedgerMetric, BigDecimal> metrics,
            Map<String, Entry> entries) {
        List<DimensionScore> dims = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Dimension d : scheme.dimensions()) {
            List<IndicatorScore> inds = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            boolean scoring = false;
            for (Indicator i : d.indicators()) {
                IndicatorScore s = indicator(i, metrics, entries.get(i.code()));
                inds.add(s);
                sum = i.source() == IndicatorSource.DEDUCTION ? sum.subtract(s.score()) : sum.add(s.score());
                scoring |= !i.adjusts();
            }
            BigDecimal lo = scoring ? BigDecimal.ZERO : d.weight().negate();
            BigDecimal score = Scores.round(Scores.clamp(sum, lo, d.weight()));
            dims.add(new DimensionScore(d.code(), score, d.weight(), inds));
            total = total.add(score);
        }
        return new Result(Scores.round(Scores.clamp(total, BigDecimal.ZERO, Scores.HUNDRED)), dims);
    }

    private static IndicatorScore indicator(Indicator i, Map<LedgerMetric, BigDecimal> metrics, Entry entry) {
        List<Evidence> evidence = new ArrayList<>();
        BigDecimal score = BigDecimal.ZERO;
        if (i.metric() != null) {
            LedgerMetric m = LedgerMetric.ofJson(i.metric()).orElseThrow();
            BigDecimal value = metrics.get(m);
            evidence.add(new Evidence(i.metric(), value, null, null));
            score = i.rule().apply(value, i.source() == IndicatorSource.METRIC ? i.max() : i.itemCap());
        }
        if (entry != null && i.entered()) {
            evidence.add(new Evidence(null, null, entry.score(), entry.reason()));
            score = score.add(entry.score());
        }
        BigDecimal bound = i.adjusts() ? i.itemCap() : i.max();
        return new IndicatorScore(i.code(), i.source(), Scores.round(Scores.clamp(score, BigDecimal.ZERO, bound)),
                bound, evidence);
    }

    /** A score the office enters must lie between 0 and the indicator's maximum; null when fine, else the key. */
    public static String checkEntry(Indicator i, BigDecimal score) {
        if (!i.entered()) {
            return "assessment.error.notEntered";
        }
        if (score == null || score.signum() < 0 || score.compareTo(i.max()) > 0) {
            return "assessment.error.aboveMax";
        }
        return null;
    }
}
