package cn.jiandu.selection.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.seed.SeedStep;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chain of steps as data: the admin inserts, removes and reorders steps; each edit is a new version, and a
 * nomination keeps the version it started with. Step 1 is always the nomination itself (the nominator owns it).
 * Seeds the source's seven steps ({@code selection.chain}) on an empty installation.
 */
@Service
public class ChainService implements SeedStep {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private final ChainRepository chains;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final Clock clock;

    ChainService(ChainRepository chains, OrgDirectory org, AuditTrail audit, Clock clock) {
        this.chains = chains;
        this.org = org;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "selection.chain";
    }

    @Override
    public Set<String> after() {
        return Set.of("org.root");
    }

    @Override
    @Transactional
    public void run() {
        if (chains.currentVersion().isPresent()) {
            return;
        }
        Long hr = unit("人力资源部");
        Long partyOffice = unit("党委办公室");
        Long disciplineOffice = unit("纪委办公室");
        chains.insert(List.of(
                new ChainStep(1, "NOMINATION", "选拔单位民主推荐", Role.BRANCH_SECRETARY, null, true, 5, false),
                new ChainStep(2, "BRANCH_STUDY", "支部研究", Role.BRANCH_SECRETARY, null, true, 5, false),
                new ChainStep(3, "DISCIPLINE_REVIEW", "上级纪委审核", Role.ADMIN, null, false, 5, false),
                new ChainStep(4, "HR_REVIEW", "人力资源部履历审核", Role.REVIEWER, hr, false, 5, true),
                new ChainStep(5, "PARTY_OFFICE_REVIEW", "党委办公室政治身份审核", Role.REVIEWER, partyOffice, false, 5,
                        true),
                new ChainStep(6, "DISCIPLINE_OFFICE_REVIEW", "纪委办公室廉政意见审核", Role.REVIEWER, disciplineOffice,
                        false, 5, true),
                new ChainStep(7, "APPROVAL", "选拔结果批复", Role.LEADER, null, false, 5, true)), clock.instant(), null);
    }

    private Long unit(String name) {
        return org.findByName(name).map(OrgUnitView::id).orElse(null);
    }

    @Transactional(readOnly = true)
    public List<ChainStep> current() {
        return chains.currentVersion().map(chains::steps).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public int currentVersion() {
        return chains.currentVersion().orElse(0);
    }

    /** Replaces the chain by {@code steps} (a new version); every bad field is named. */
    @Transactional
    public List<ChainStep> replace(JianduPrincipal me, List<ChainStep> steps) {
        if (steps == null || steps.size() < 2 || steps.size() > 20) {
            throw Refusal.invalidField("steps", "chain.error.count");
        }
        List<Refusal.FieldError> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            ChainStep s = steps.get(i);
            String at = "[" + i + "].";
            if (s == null) {
                errors.add(new Refusal.FieldError(at + "code", "error.required"));
                continue;
            }
            if (s.code() == null || !CODE.matcher(s.code()).matches()) {
                errors.add(new Refusal.FieldError(at + "code", "chain.error.code"));
            } else if (!codes.add(s.code())) {
                errors.add(new Refusal.FieldError(at + "code", "chain.error.duplicateCode"));
            }
            if (s.name() == null || s.name().isBlank() || s.name().length() > 100) {
                errors.add(new Refusal.FieldError(at + "name", "chain.error.name"));
            }
            if (s.ownerRole() == null) {
                errors.add(new Refusal.FieldError(at + "ownerRole", "chain.error.role"));
            }
            if (s.ownerUnitId() != null && (s.ownerIsScopeBranch() || org.find(s.ownerUnitId()).isEmpty())) {
                errors.add(new Refusal.FieldError(at + "ownerUnitId", "chain.error.unit"));
            }
            if (s.deadlineWorkingDays() < 1 || s.deadlineWorkingDays() > 60) {
                errors.add(new Refusal.FieldError(at + "deadlineWorkingDays", "chain.error.deadline"));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalidFields(errors);
        }
        List<ChainStep> numbered = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            ChainStep s = steps.get(i);
            numbered.add(new ChainStep(i + 1, s.code(), s.name().strip(), s.ownerRole(), s.ownerUnitId(),
                    s.ownerIsScopeBranch(), s.deadlineWorkingDays(), s.opinionRequired()));
        }
        int version = chains.insert(numbered, clock.instant(), me.id());
        audit.record("selection.chain", "selection_chain", version, Outcome.SUCCESS,
                numbered.stream().map(ChainStep::code).toList().toString());
        return chains.steps(version);
    }
}
