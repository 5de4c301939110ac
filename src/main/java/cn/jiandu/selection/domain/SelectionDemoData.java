package cn.jiandu.selection.domain;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.selection.NominationAction;
import cn.jiandu.selection.PerformanceGrade;
import cn.jiandu.selection.PoliticalStatus;
import cn.jiandu.selection.domain.NominationService.ActionCommand;
import cn.jiandu.selection.domain.NominationService.SubmitCommand;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.seed.SeedStep;
import cn.jiandu.shared.time.ClockConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code selection.demo}: the source's organisation chain replayed through the real procedure. Since 2023, 20
 * nominations vetted through all seven steps by the demo reviewers ({@code bs_*}, {@code admin},
 * {@code hr_reviewer}, {@code po_reviewer}, {@code di_reviewer}, {@code secretary}) and appointed: the inspectors of
 * the seven party branches, the 10 team supervisors added in the four key departments (市场经营部, 政企客户部,
 * 工程建设部, 网络部) and three grid supervisors. The other grid supervisors of the demo accounts are left to
 * {@code selection.import-role-holders} (imported). In the current year: nominations waiting at steps 2, 3, 4 and 7,
 * one returned to its nominator, one rejected; 刘秀英's appointment runs out 40 days from the day the demo starts.
 */
@Component
@org.springframework.context.annotation.Profile("demo")
class SelectionDemoData implements SeedStep {

    private static final String[] REVIEWERS = {"admin", "hr_reviewer", "po_reviewer", "di_reviewer", "secretary"};

    private final NominationService nominations;
    private final ProfileRepository profiles;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CertificateService certificates;

    SelectionDemoData(NominationService nominations, ProfileRepository profiles, UserDirectory users,
            OrgDirectory org, JdbcClient jdbc, Clock clock, CertificateService certificates) {
        this.certificates = certificates;
        this.nominations = nominations;
        this.profiles = profiles;
        this.users = users;
        this.org = org;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "selection.demo";
    }

    @Override
    public Set<String> after() {
        return Set.of("identity.demo-people", "selection.chain");
    }

    @Override
    public Set<String> before() {
        return Set.of("selection.import-role-holders");
    }

    @Override
    @Transactional
    public void run() {
        // an installation seeded before the nominations existed keeps its demo appointments as they are
        if (jdbc.sql("SELECT COUNT(*) FROM nomination").query(Long.class).single() > 0
                || jdbc.sql("SELECT COUNT(*) FROM appointment WHERE origin = 'SELECTED'").query(Long.class).single() > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        for (String u : List.of("inspector1", "inspector2", "inspector3", "inspector4", "inspector5", "inspector6",
                "inspector7", "team1", "team2", "team3", "team4", "team5", "team6", "team7", "team8", "team9",
                "team10", "grid1", "grid2", "grid3", "staff2", "staff4", "staff11", "staff12", "staff13")) {
            profile(u, PoliticalStatus.CPC_MEMBER, 6, PerformanceGrade.GOOD, false);
        }
        profile("staff10", PoliticalStatus.MASSES, 2, PerformanceGrade.QUALIFIED, false);

        // 2023-2025: vetted through all seven steps and appointed (the appointment starts on the day of 批复)
        LocalDate inspector1Start = today.plusDays(41).minusYears(3);
        vetted("inspector1", "bs_market", "市场经营部党支部", "BRANCH_INSPECTOR", inspector1Start);
        String[][] inspectors = {{"inspector2", "bs_gov", "政企客户部党支部"}, {"inspector3", "bs_eng", "工程建设部党支部"},
                {"inspector4", "bs_net", "网络部党支部"}, {"inspector5", "bs_hepu", "合浦分公司党支部"},
                {"inspector6", "bs_yinhai", "银海分公司党支部"}, {"inspector7", "bs_tsg", "铁山港分公司党支部"}};
        for (String[] i : inspectors) {
            vetted(i[0], i[1], i[2], "BRANCH_INSPECTOR", LocalDate.of(2024, 3, 15));
        }
        String[][] teams = {{"team1", "bs_market"}, {"team2", "bs_net"}, {"team3", "bs_market"}, {"team4", "bs_gov"},
                {"team5", "bs_gov"}, {"team6", "bs_eng"}, {"team7", "bs_eng"}, {"team8", "bs_net"},
                {"team9", "bs_market"}, {"team10", "bs_net"}};
        for (String[] t : teams) {
            vetted(t[0], t[1], null, "TEAM_SUPERVISOR", LocalDate.of(2024, 6, 20));
        }
        // 授证: the discipline secretary hands the ten team supervisors their certificates
        List<Long> teamAppointments = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            teamAppointments.add(jdbc.sql("SELECT a.id FROM appointment a WHERE a.user_id = :u AND a.type = 'TEAM_SUPERVISOR'")
                    .param("u", users.findByUsername("team" + i).orElseThrow().id()).query(Long.class).single());
        }
        certificates.issue(principal("secretary"), teamAppointments, LocalDate.of(2024, 7, 1), "北海分公司党委会议室",
                instant(LocalDate.of(2024, 7, 1), 15));
        String[][] grids = {{"grid1", "bs_hepu"}, {"grid2", "bs_hepu"}, {"grid3", "bs_hepu"}};
        for (String[] g : grids) {
            vetted(g[0], g[1], null, "GRID_SUPERVISOR", LocalDate.of(2025, 4, 10));
        }

        // the current year: something in every queue
        LocalDate recent = today.minusDays(12);
        submit("staff4", "bs_net", "传输保障班组", "TEAM_SUPERVISOR", recent,
                Map.of("MEMBERSHIP", "借调网络部机关，日常仍在传输保障班组一线值守"));
        long atThree = submit("staff12", "bs_yinhai", "福成网格", "GRID_SUPERVISOR", recent, Map.of());
        step(atThree, "bs_yinhai", NominationAction.APPROVE, "支委会研究同意", recent.plusDays(2));
        long atFour = submit("staff2", "bs_gov", "客户服务班组", "TEAM_SUPERVISOR", recent,
                Map.of("MEMBERSHIP", "长期驻点客户服务班组"));
        Map<String, String> resident = Map.of("MEMBERSHIP", "长期驻点客户服务班组，支委会认可");
        nominations.act(principal("bs_gov"), atFour, new ActionCommand(NominationAction.APPROVE, "同意推荐", null, null,
                resident), instant(recent.plusDays(1), 10));
        nominations.act(principal("admin"), atFour, new ActionCommand(NominationAction.APPROVE, "审核通过", null, null,
                resident), instant(recent.plusDays(3), 10));
        long atSeven = submit("staff11", "bs_hepu", "廉州网格", "GRID_SUPERVISOR", recent.minusDays(14), Map.of());
        waitAtApproval(atSeven, "bs_hepu", recent.minusDays(12));
        long returned = submit("staff13", "bs_tsg", "南康网格", "GRID_SUPERVISOR", recent, Map.of());
        step(returned, "bs_tsg", NominationAction.APPROVE, "同意", recent.plusDays(1));
        step(returned, "admin", NominationAction.APPROVE, "同意", recent.plusDays(2));
        nominations.act(principal("hr_reviewer"), returned, new ActionCommand(NominationAction.RETURN,
                "近三年绩效考核材料不全，请补充后重新提交", 1, null, null), instant(recent.plusDays(4), 15));
        long rejected = submit("staff10", "bs_tsg", "营盘网格", "GRID_SUPERVISOR", recent.minusDays(20),
                Map.of("POLITICAL", "群众骨干，群众基础好", "PERFORMANCE", "近年绩效合格", "FRONTLINE", "一线两年",
                        "MEMBERSHIP", "营销班组成员，服务营盘网格"));
        Map<String, String> overrides = Map.of("POLITICAL", "提交委员会研究", "PERFORMANCE", "提交委员会研究",
                "FRONTLINE", "提交委员会研究", "MEMBERSHIP", "提交委员会研究");
        nominations.act(principal("bs_tsg"), rejected, new ActionCommand(NominationAction.APPROVE, "支委会研究，报上级审核",
                null, null, overrides), instant(recent.minusDays(18), 10));
        nominations.act(principal("admin"), rejected, new ActionCommand(NominationAction.APPROVE, "报人力资源部",
                null, null, overrides), instant(recent.minusDays(16), 10));
        nominations.act(principal("hr_reviewer"), rejected, new ActionCommand(NominationAction.APPROVE,
                "履历属实", null, null, overrides), instant(recent.minusDays(14), 10));
        nominations.act(principal("po_reviewer"), rejected, new ActionCommand(NominationAction.REJECT,
                "政治面貌为群众，不符合政治关要求", null, null, null), instant(recent.minusDays(12), 10));
    }

    /** Takes a nomination through steps 2 to 6: it waits for 批复 at step 7. */
    private void waitAtApproval(long id, String branchSecretary, LocalDate from) {
        step(id, branchSecretary, NominationAction.APPROVE, "支委会研究同意", from);
        String[] opinions = {"审核通过", "履历属实，近三年绩效良好以上", "政治身份审核通过", "无违纪记录，廉政意见同意"};
        for (int i = 0; i < 4; i++) {
            step(id, REVIEWERS[i], NominationAction.APPROVE, opinions[i], from.plusDays(2L * (i + 1)));
        }
    }

    private void vetted(String candidate, String nominator, String scopeName, String type, LocalDate approvedOn) {
        UserView c = users.findByUsername(candidate).orElseThrow();
        String scope = scopeName != null ? scopeName
                : org.find(c.orgUnitId()).orElseThrow().name();
        LocalDate meeting = approvedOn.minusDays(40);
        long id = submit(candidate, nominator, scope, type, meeting, Map.of());
        step(id, nominator, NominationAction.APPROVE, "支委会研究同意推荐", meeting.plusDays(5));
        String[] opinions = {"审核通过", "履历属实，近三年绩效良好以上", "政治身份审核通过", "无违纪记录，廉政意见同意",
                "同意聘任"};
        for (int i = 0; i < REVIEWERS.length; i++) {
            LocalDate day = i == REVIEWERS.length - 1 ? approvedOn : meeting.plusDays(8L + 5L * i);
            step(id, REVIEWERS[i], NominationAction.APPROVE, opinions[i], day);
        }
    }

    private long submit(String candidate, String nominator, String scopeName, String type, LocalDate meeting,
            Map<String, String> overrides) {
        UserView c = users.findByUsername(candidate).orElseThrow();
        long scope = org.findByName(scopeName).orElseThrow().id();
        return nominations.submit(principal(nominator), new SubmitCommand(c.id(), type, scope, meeting, 9, 8, 0, 1,
                "经民主推荐，" + c.displayName() + "同志政治坚定、熟悉一线、作风正派，推荐为监督员人选", overrides), null,
                instant(meeting, 16)).id();
    }

    private void step(long id, String actor, NominationAction action, String opinion, LocalDate day) {
        try {
            nominations.act(principal(actor), id, new ActionCommand(action, opinion, null, null, null),
                    instant(day, 10));
        } catch (RuntimeException e) {
            throw new IllegalStateException("demo nomination " + id + ": " + actor + " " + action + " failed at "
                    + jdbc.sql("SELECT current_step || ' ' || status || ' ' || COALESCE(owner_role, '-') || ' '"
                            + " || COALESCE(CAST(owner_unit_id AS VARCHAR(20)), '-') FROM nomination WHERE id = :id")
                    .param("id", id).query(String.class).single() + " actor " + principal(actor), e);
        }
    }

    private JianduPrincipal principal(String username) {
        return users.principal(users.findByUsername(username).orElseThrow().id()).orElseThrow();
    }

    private static Instant instant(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(ClockConfig.ZONE).toInstant();
    }

    private void profile(String username, PoliticalStatus status, int frontlineYears, PerformanceGrade grade,
            boolean disciplinary) {
        UserView u = users.findByUsername(username).orElseThrow();
        Map<Integer, PerformanceGrade> grades = new HashMap<>();
        int thisYear = LocalDate.now(clock).getYear();
        for (int y = 2019; y < thisYear; y++) {
            grades.put(y, (y + u.id()) % 3 == 0 && grade == PerformanceGrade.GOOD ? PerformanceGrade.EXCELLENT : grade);
        }
        profiles.save(new Profile(u.id(), status, status == PoliticalStatus.CPC_MEMBER
                ? LocalDate.of(2008 + (int) (u.id() % 10), 7, 1) : null, "一线骨干", frontlineYears + (int) (u.id() % 5),
                grades, disciplinary), clock.instant(), null);
    }
}
