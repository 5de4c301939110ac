package cn.jiandu.assessment.domain;

import cn.jiandu.assessment.Grade;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitType;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Three-level responsibility (各党支部 — 各职能部门 — 各基层网格): a run's results the caller may read, grouped by the
 * unit of the level each result's unit lies in (itself or its nearest ancestor of that type; a county branch counts
 * as a 职能部门 level unit), ranked by the mean total, with the spread and the grades. Results under no unit of the
 * level are left out.
 */
@Service
public class RollUp {

    public enum Level {
        BRANCH(List.of(OrgUnitType.PARTY_BRANCH)),
        DEPARTMENT(List.of(OrgUnitType.DEPARTMENT, OrgUnitType.COUNTY_BRANCH)),
        GRID(List.of(OrgUnitType.GRID));

        final List<OrgUnitType> types;

        Level(List<OrgUnitType> types) {
            this.types = types;
        }
    }

    public record Item(long unitId, String unitName, int rank, int supervisors, BigDecimal mean, BigDecimal min,
            BigDecimal max, BigDecimal spread, int excellent, int qualified, int unqualified) {
    }

    private final RunService runs;
    private final OrgDirectory org;

    RollUp(RunService runs, OrgDirectory org) {
        this.runs = runs;
        this.org = org;
    }

    public static Level level(String code) {
        if (code == null || code.isBlank()) {
            throw Refusal.invalidField("level", "error.required");
        }
        try {
            return Level.valueOf(code.strip());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalidField("level", "error.invalidValue");
        }
    }

    public List<Item> of(long runId, Level level, JianduPrincipal me) {
        Run run = runs.readable(runId, me);
        Map<Long, OrgUnitView> units = new HashMap<>();
        org.all().forEach(u -> units.put(u.id(), u));
        Map<Long, List<RunService.ResultView>> groups = new HashMap<>();
        for (RunService.ResultView r : runs.results(run, me, 0, Integer.MAX_VALUE)) {
            OrgUnitView u = units.get(r.unitId());
            while (u != null && !level.types.contains(u.type())) {
                u = u.parentId() == null ? null : units.get(u.parentId());
            }
            if (u != null) {
                groups.computeIfAbsent(u.id(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Item> items = new ArrayList<>();
        groups.forEach((unitId, rs) -> {
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal min = null;
            BigDecimal max = null;
            int[] grades = new int[3];
            for (RunService.ResultView r : rs) {
                sum = sum.add(r.total());
                min = min == null || r.total().compareTo(min) < 0 ? r.total() : min;
                max = max == null || r.total().compareTo(max) > 0 ? r.total() : max;
                grades[r.grade() == Grade.EXCELLENT ? 0 : r.grade() == Grade.QUALIFIED ? 1 : 2]++;
            }
            items.add(new Item(unitId, units.get(unitId).name(), 0, rs.size(),
                    sum.divide(BigDecimal.valueOf(rs.size()), 2, RoundingMode.HALF_UP), min, max, max.subtract(min),
                    grades[0], grades[1], grades[2]));
        });
        items.sort(Comparator.comparing(Item::mean).reversed().thenComparing(Item::unitName));
        List<Item> ranked = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item x = items.get(i);
            int rank = i > 0 && x.mean().compareTo(items.get(i - 1).mean()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Item(x.unitId(), x.unitName(), rank, x.supervisors(), x.mean(), x.min(), x.max(),
                    x.spread(), x.excellent(), x.qualified(), x.unqualified()));
        }
        return ranked;
    }
}
