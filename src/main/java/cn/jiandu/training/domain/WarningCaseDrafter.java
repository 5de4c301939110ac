package cn.jiandu.training.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.problem.ClosedProblems;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.time.ClockConfig;
import cn.jiandu.training.CaseKind;
import cn.jiandu.training.CaseStatus;
import cn.jiandu.training.TrainingPermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 警示教育案例 from a closed 监督一点通 report: the office gets a draft (status ACCEPTED: nothing is left to review,
 * the office edits it and publishes it) whose text is the report's category, what was found and how it was
 * rectified, with the reporter's, the handlers' and every other personal name removed. One case per report (409
 * for a second); a report not closed after rectification is 409, an unknown one 404.
 */
@Service
public class WarningCaseDrafter {

    private final ClosedProblems problems;
    private final CaseRepository cases;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final Clock clock;

    WarningCaseDrafter(ClosedProblems problems, CaseRepository cases, UserDirectory users, AuditTrail audit,
            Clock clock) {
        this.problems = problems;
        this.cases = cases;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public TrainingCase draft(JianduPrincipal me, long problemId) {
        if (!me.can(TrainingPermissions.CASES_REVIEW)) {
            throw Refusal.forbidden();
        }
        ClosedProblems.ClosedProblem p = problems.find(problemId).orElseThrow(Refusal::notFound);
        if (!p.closedAfterRectification()) {
            throw Refusal.conflict("case.error.problemNotClosed");
        }
        if (cases.fromProblem(problemId).isPresent()) {
            throw Refusal.conflict("case.error.problemHasCase");
        }
        NameScrubber scrubber = new NameScrubber(everyName(p));
        String category = p.categoryName();
        String rectified = String.join("\n", p.rectification().stream().map(scrubber::scrub).toList());
        LocalDate closedOn = p.closedAt() == null ? null : LocalDate.ofInstant(p.closedAt(), ClockConfig.ZONE);
        TrainingCase.CaseText text = new TrainingCase.CaseText(
                clip("警示教育案例：" + category + "——" + scrubber.scrub(p.title()), 200),
                clip("本案例来自监督一点通已办结问题，问题类别：" + category + "。涉及人员信息已隐去。", 4000),
                clip(scrubber.scrub(p.description()), 4000),
                clip(rectified.isBlank() ? "责任单位已完成整改。" : rectified, 4000),
                clip("问题已整改到位并办结" + (closedOn == null ? "" : "（" + closedOn + "）")
                        + "。各级监督员要以案为鉴、举一反三，在日常监督中加强对同类问题的检查。", 4000));
        Instant now = clock.instant();
        long id = cases.insert(CaseKind.WARNING_EDUCATION, CaseStatus.ACCEPTED, me.id(), me.orgUnitId(), text,
                p.categoryCode(), problemId, now);
        cases.step(id, "DRAFT", me.id(), null, now);
        audit.record("case.fromProblem", "training_case", id, Outcome.SUCCESS, "problem " + problemId);
        return cases.find(id).orElseThrow();
    }

    /** The report's people (names and usernames) and every name in the user directory. */
    private List<String> everyName(ClosedProblems.ClosedProblem p) {
        List<String> names = new ArrayList<>();
        for (long id : p.peopleIds()) {
            users.find(id).ifPresent(u -> {
                names.add(u.displayName());
                names.add(u.username());
            });
        }
        for (Role r : Role.values()) {
            users.withRole(r).stream().map(UserView::displayName).forEach(names::add);
        }
        return names;
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
