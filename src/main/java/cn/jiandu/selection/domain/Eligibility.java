package cn.jiandu.selection.domain;

import cn.jiandu.org.OrgUnitView;
import cn.jiandu.selection.PerformanceGrade;
import cn.jiandu.selection.PoliticalStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The criteria of the source, computed from data: 政治关 (a full Party member), 素质关 (the last three years' grades
 * all at least 良好, and enough years at the frontline), 人员关 (a member of the scope unit or its subtree) and no
 * disciplinary record in force. A failed check warns; the committee decides, with a written reason.
 */
public final class Eligibility {

    /** The checks, in the order shown. */
    public enum Check {
        POLITICAL, PERFORMANCE, FRONTLINE, MEMBERSHIP, DISCIPLINE
    }

    /** One check's result; {@code detail} is a message key with arguments. */
    public record Result(Check check, boolean passed, String detailKey, List<Object> args) {
    }

    private Eligibility() {
    }

    /**
     * @param profile    the candidate's profile, null when none is kept
     * @param year       the year of the nomination: the grades of the three years before it count
     * @param minYears   the least frontline years
     */
    static List<Result> evaluate(Profile profile, OrgUnitView candidateUnit, OrgUnitView scopeUnit, int year,
            int minYears) {
        List<Result> out = new ArrayList<>();
        if (profile == null) {
            out.add(new Result(Check.POLITICAL, false, "eligibility.noProfile", List.of()));
            out.add(new Result(Check.PERFORMANCE, false, "eligibility.noProfile", List.of()));
            out.add(new Result(Check.FRONTLINE, false, "eligibility.noProfile", List.of()));
        } else {
            boolean member = profile.politicalStatus() == PoliticalStatus.CPC_MEMBER;
            out.add(new Result(Check.POLITICAL, member, member ? "eligibility.political.ok"
                    : "eligibility.political.fail", List.of(profile.politicalStatus().messageKey())));
            List<Integer> missingOrWeak = new ArrayList<>();
            for (int y = year - 3; y < year; y++) {
                PerformanceGrade g = profile.performance().get(y);
                if (g == null || !g.atLeastGood()) {
                    missingOrWeak.add(y);
                }
            }
            out.add(new Result(Check.PERFORMANCE, missingOrWeak.isEmpty(),
                    missingOrWeak.isEmpty() ? "eligibility.performance.ok" : "eligibility.performance.fail",
                    List.of(year - 3, year - 1, join(missingOrWeak))));
            boolean frontline = profile.frontlineYears() >= minYears;
            out.add(new Result(Check.FRONTLINE, frontline,
                    frontline ? "eligibility.frontline.ok" : "eligibility.frontline.fail",
                    List.of(profile.frontlineYears(), minYears)));
        }
        boolean inScope = candidateUnit != null && scopeUnit != null && scopeUnit.contains(candidateUnit);
        out.add(new Result(Check.MEMBERSHIP, inScope, inScope ? "eligibility.membership.ok"
                : "eligibility.membership.fail", List.of(scopeUnit == null ? "?" : scopeUnit.name())));
        if (profile == null) {
            out.add(new Result(Check.DISCIPLINE, false, "eligibility.noProfile", List.of()));
        } else {
            out.add(new Result(Check.DISCIPLINE, !profile.disciplinaryRecord(),
                    profile.disciplinaryRecord() ? "eligibility.discipline.fail" : "eligibility.discipline.ok",
                    List.of()));
        }
        return out;
    }

    static List<Check> failed(List<Result> results) {
        return results.stream().filter(r -> !r.passed()).map(Result::check).toList();
    }

    /** 400 naming {@code overrideReasons.CHECK} for each failed check without a written reason. */
    static void requireReasons(List<Result> results, Map<String, String> reasons) {
        List<cn.jiandu.shared.Refusal.FieldError> missing = new ArrayList<>();
        for (Check c : failed(results)) {
            String r = reasons == null ? null : reasons.get(c.name());
            if (r == null || r.isBlank()) {
                missing.add(new cn.jiandu.shared.Refusal.FieldError("overrideReasons." + c.name(),
                        "nomination.error.overrideReason"));
            }
        }
        if (!missing.isEmpty()) {
            throw cn.jiandu.shared.Refusal.invalidFields(missing);
        }
    }

    private static String join(List<Integer> years) {
        return String.join("、", years.stream().map(String::valueOf).toList());
    }
}
