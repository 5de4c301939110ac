package cn.jiandu.assessment.domain;

import cn.jiandu.assessment.Grade;
import cn.jiandu.assessment.RunStatus;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.ledger.Ledger;
import cn.jiandu.ledger.LedgerEntry;
import cn.jiandu.ledger.LedgerFigures;
import cn.jiandu.ledger.LedgerPeriod;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitType;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.security.Role;
import cn.jiandu.training.TrainingFacts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Gathers a quarter's figures for the bulletin from the ledger, the training module and the published runs. */
@Component
class BulletinDrafter {

    static final List<Role> TYPES = List.of(Role.BRANCH_INSPECTOR, Role.TEAM_SUPERVISOR, Role.GRID_SUPERVISOR);
    /** The three levels of responsibility, and the unit types that stand for each. */
    private static final Map<String, List<OrgUnitType>> LEVELS = new LinkedHashMap<>();

    static {
        LEVELS.put("PARTY_BRANCH", List.of(OrgUnitType.PARTY_BRANCH));
        LEVELS.put("DEPARTMENT", List.of(OrgUnitType.DEPARTMENT, OrgUnitType.COUNTY_BRANCH));
        LEVELS.put("GRID", List.of(OrgUnitType.GRID));
    }

    /** Places shown per level. */
    static final int TOP = 5;

    private final Ledger ledger;
    private final TrainingFacts training;
    private final RunRepository runs;
    private final OrgDirectory org;
    private final UserDirectory users;

    BulletinDrafter(Ledger ledger, TrainingFacts training, RunRepository runs, OrgDirectory org,
            UserDirectory users) {
        this.ledger = ledger;
        this.training = training;
        this.runs = runs;
        this.org = org;
        this.users = users;
    }

    BulletinFigures draft(LedgerPeriod q) {
        List<LedgerEntry> entries = new ArrayList<>();
        TYPES.forEach(t -> entries.addAll(ledger.entries(t, q)));
        int reported = 0;
        int resolved = 0;
        int satisfied = 0;
        int overdue = 0;
        int transferred = 0;
        double rateSum = 0;
        int rated = 0;
        BigDecimal examSum = BigDecimal.ZERO;
        int examTakers = 0;
        for (LedgerEntry e : entries) {
            LedgerFigures f = e.figures();
            reported += f.problemsReported();
            resolved += f.problemsResolved();
            satisfied += f.problemsSatisfied();
            overdue += f.problemsOverdue();
            transferred += f.problemsTransferred();
            if (f.feedbackOnTimeRate() != null) {
                rateSum += f.feedbackOnTimeRate();
                rated++;
            }
            if (f.examBest() != null) {
                examSum = examSum.add(f.examBest());
                examTakers++;
            }
        }
        TrainingFacts.Attendance att = training.attendance(q.from(), q.to());
        return new BulletinFigures(q.code(), entries.size(), reported, resolved, satisfied, overdue, transferred,
                rated == 0 ? null : rateSum / rated, att.sessions(), att.invited(), att.attended(), examTakers,
                examTakers == 0 ? null : examSum.divide(BigDecimal.valueOf(examTakers), 1, RoundingMode.HALF_UP),
                ranking(entries), commended(q));
    }

    /** Per level: units by reports found (then resolved, then name), the first {@link #TOP}. */
    private List<BulletinFigures.Rank> ranking(List<LedgerEntry> entries) {
        Map<Long, OrgUnitView> units = new HashMap<>();
        org.all().forEach(u -> units.put(u.id(), u));
        List<BulletinFigures.Rank> out = new ArrayList<>();
        for (Map.Entry<String, List<OrgUnitType>> level : LEVELS.entrySet()) {
            Map<Long, int[]> sums = new HashMap<>();
            for (LedgerEntry e : entries) {
                OrgUnitView at = ancestor(units, e.unitId(), level.getValue());
                if (at != null) {
                    int[] s = sums.computeIfAbsent(at.id(), k -> new int[3]);
                    s[0]++;
                    s[1] += e.figures().problemsReported();
                    s[2] += e.figures().problemsResolved();
                }
            }
            List<Map.Entry<Long, int[]>> sorted = new ArrayList<>(sums.entrySet());
            sorted.sort(Comparator.<Map.Entry<Long, int[]>>comparingInt(x -> -x.getValue()[1])
                    .thenComparingInt(x -> -x.getValue()[2])
                    .thenComparing(x -> units.get(x.getKey()).name()));
            for (int i = 0; i < Math.min(TOP, sorted.size()); i++) {
                int[] s = sorted.get(i).getValue();
                out.add(new BulletinFigures.Rank(level.getKey(), i + 1, units.get(sorted.get(i).getKey()).name(),
                        s[0], s[1], s[2]));
            }
        }
        return out;
    }

    /** The unit itself or its nearest ancestor of one of the types, or null. */
    private static OrgUnitView ancestor(Map<Long, OrgUnitView> units, long unitId, List<OrgUnitType> types) {
        OrgUnitView u = units.get(unitId);
        while (u != null && !types.contains(u.type())) {
            u = u.parentId() == null ? null : units.get(u.parentId());
        }
        return u;
    }

    private List<BulletinFigures.Commended> commended(LedgerPeriod q) {
        List<BulletinFigures.Commended> out = new ArrayList<>();
        for (Run r : runs.all()) {
            if (r.status() != RunStatus.PUBLISHED || !r.period().equals(q.code())) {
                continue;
            }
            List<RunRepository.ResultRow> excellent = runs.results(r.id()).stream()
                    .filter(x -> x.grade() == Grade.EXCELLENT)
                    .sorted(Comparator.comparing(RunRepository.ResultRow::total).reversed()).toList();
            Map<Long, String> names = users.displayNames(excellent.stream().map(RunRepository.ResultRow::userId)
                    .toList());
            for (RunRepository.ResultRow x : excellent) {
                out.add(new BulletinFigures.Commended(names.get(x.userId()),
                        org.find(x.unitId()).map(OrgUnitView::name).orElse(""), r.type().name(), x.total()));
            }
        }
        return out;
    }
}
