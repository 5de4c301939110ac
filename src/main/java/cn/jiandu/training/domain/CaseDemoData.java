package cn.jiandu.training.domain;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.problem.ProblemFacts;
import cn.jiandu.shared.Upload;
import cn.jiandu.shared.seed.SeedStep;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.time.ClockConfig;
import cn.jiandu.training.CaseAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo cases of the last two quarters: last quarter's exchange meeting with three published excellent cases; this
 * quarter's meeting (a few days ago, or today early in a quarter) with two published and one accepted still to
 * publish; one submitted, one returned for changes; and a published 警示教育案例 drafted from a 2025 report closed
 * after rectification. Everything goes through the services (files content-checked, 工作亮点 filled, supervisors
 * notified, events published), then the times are moved back to when it happened. Runs once, on an empty table.
 */
@Component
@Profile("demo")
class CaseDemoData implements SeedStep {

    private final JdbcClient jdbc;
    private final CaseService cases;
    private final CaseMeetings meetings;
    private final WarningCaseDrafter drafter;
    private final ProblemFacts facts;
    private final UserDirectory users;
    private final Clock clock;

    CaseDemoData(JdbcClient jdbc, CaseService cases, CaseMeetings meetings, WarningCaseDrafter drafter,
            ProblemFacts facts, UserDirectory users, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.meetings = meetings;
        this.drafter = drafter;
        this.facts = facts;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "training.cases-demo";
    }

    @Override
    public Set<String> after() {
        return Set.of("identity.demo-people", "problem.demo", "sharing.spaces");
    }

    @Override
    @Transactional
    public void run() {
        if (jdbc.sql("SELECT COUNT(*) FROM training_case").query(Long.class).single() > 0) {
            return;
        }
        JianduPrincipal admin = principal("admin");
        LocalDate today = LocalDate.now(clock);
        LocalDate quarterStart = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        LocalDate lastMeetingDay = quarterStart.minusDays(20);
        LocalDate thisMeetingDay = today.minusDays(3).isBefore(quarterStart) ? quarterStart : today.minusDays(3);

        long last = meetings.plan(admin, new CaseMeetings.MeetingCommand(null, lastMeetingDay, "北海分公司三楼会议室",
                List.of(id("grid1"), id("team1")), List.of())).id();
        published("grid1", "代理商捆绑销售专项监督", "廉州网格代理商网点多，群众反映办宽带被要求捆绑副卡。",
                "逐户走访 12 户、核对 30 笔订单，发现 5 笔强制捆绑。", "通过监督一点通上报，市场经营部约谈代理商并全部退费。",
                "退费 5 笔，渠道管理办法增加捆绑销售禁令，网格内再无同类投诉。", admin, last, lastMeetingDay);
        published("team1", "班组考勤脱岗问题的发现与整改", "渠道管理班组外勤多，考勤靠自觉。",
                "对照门禁记录与派工单，发现 2 人长期上班时间不在岗。", "向支部报告，班组长谈话提醒，建立外勤报备制度。",
                "外勤报备率 100%，班组作风明显好转。", admin, last, lastMeetingDay);
        published("inspector1", "支部廉洁谈话全覆盖", "市场经营部党支部业务人员接触客户和供应商多。",
                "梳理廉洁风险点 18 个，发现节日期间收受礼品的苗头。", "支部纪检委员逐人开展谈心谈话，签订廉洁承诺书。",
                "谈话覆盖 100%，节日期间零违规。", admin, last, lastMeetingDay);

        long now = meetings.plan(admin, new CaseMeetings.MeetingCommand(null, thisMeetingDay, "合浦分公司会议室",
                List.of(id("grid2"), id("team2")), List.of())).id();
        published("grid2", "投诉回访不及时的监督", "石康网格客户投诉回访时限长期超标。",
                "抽查 40 条投诉工单，发现 9 条三天无人回访。", "上报监督一点通，网格长牵头整改，建立回访日清制度。",
                "回访及时率由 78% 提升到 98%。", admin, now, thisMeetingDay);
        published("team2", "机房消防器材过期隐患排查", "网络维护班组负责的基站机房分布分散。",
                "巡检中发现 3 个机房灭火器过期。", "当日上报，网络部一周内全部更换并建立台账。",
                "消防器材有效率 100%，纳入月度巡检清单。", admin, now, thisMeetingDay);
        TrainingCase accepted = submitted("inspector2", "营销费用结算监督", "渠道酬金结算环节多、周期长。",
                "比对结算单与系统记录，发现重复结算 2 笔。", "移交财务部核实追回。", "追回资金 3,600 元，结算复核流程完善。");
        cases.act(admin, accepted.id(), CaseAction.ACCEPT, "事例扎实，拟在本季度交流会交流。", now);
        submitted("team3", "营销策划班组廉洁提醒", "营销活动物料采购频繁。", "发现物料验收只有一人签字。",
                "建议双人验收，班组已执行。", "物料验收全部双人签字。");
        TrainingCase returned = submitted("grid3", "网格走访发现违规揽收", "网格内有代办点私自揽收话费。",
                "走访中两位老人反映代办点多收手续费。", "已上报监督一点通。", "待补充。");
        cases.act(admin, returned.id(), CaseAction.RETURN, "请补充整改结果和成效数据后再提交。", null);

        facts.reportedBetween(LocalDate.of(2025, 1, 1).atStartOfDay(ClockConfig.ZONE).toInstant(),
                LocalDate.of(2026, 1, 1).atStartOfDay(ClockConfig.ZONE).toInstant()).stream()
                .filter(f -> f.resolved() && "SAFETY".equals(f.categoryCode())).findFirst().ifPresent(f -> {
                    TrainingCase w = drafter.draft(admin, f.problemId());
                    cases.act(admin, w.id(), CaseAction.PUBLISH, null, null);
                    backdate(w.id(), lastMeetingDay.minusDays(10), lastMeetingDay.minusDays(5));
                    jdbc.sql("UPDATE training_case SET quarter = :q WHERE id = :id")
                            .param("q", Quarters.of(lastMeetingDay.minusDays(5))).param("id", w.id()).update();
                });
    }

    private void published(String author, String title, String background, String finding, String handling,
            String effect, JianduPrincipal admin, long meetingId, LocalDate meetingDay) {
        TrainingCase c = submitted(author, title, background, finding, handling, effect);
        cases.act(admin, c.id(), CaseAction.ACCEPT, null, meetingId);
        cases.act(admin, c.id(), CaseAction.PUBLISH, null, null);
        backdate(c.id(), meetingDay.minusDays(30), meetingDay);
    }

    private TrainingCase submitted(String author, String title, String background, String finding, String handling,
            String effect) {
        Upload evidence = Upload.ofBytes(title + "-佐证.txt", "text/plain",
                (title + "\n" + finding + "\n" + handling).getBytes(StandardCharsets.UTF_8));
        return cases.submit(principal(author), new CaseCommand(title, background, finding, handling, effect, null),
                List.of(evidence));
    }

    /** Moves a case's times back: submitted on {@code submitted}, reviewed, selected and published on {@code done}. */
    private void backdate(long caseId, LocalDate submitted, LocalDate done) {
        Instant sub = submitted.atTime(LocalTime.of(10, 0)).atZone(ClockConfig.ZONE).toInstant();
        Instant at = done.atTime(LocalTime.of(15, 0)).atZone(ClockConfig.ZONE).toInstant();
        jdbc.sql("""
                UPDATE training_case SET submitted_at = :s, reviewed_at = :d,
                    selected_at = CASE WHEN selected_at IS NULL THEN NULL ELSE CAST(:d AS TIMESTAMP WITH TIME ZONE) END,
                    published_at = CASE WHEN published_at IS NULL THEN NULL ELSE CAST(:d AS TIMESTAMP WITH TIME ZONE) END WHERE id = :id""")
                .param("s", Timestamp.from(sub)).param("d", Timestamp.from(at)).param("id", caseId).update();
        jdbc.sql("UPDATE training_case_step SET occurred_at = CASE WHEN action IN ('SUBMIT', 'DRAFT') THEN CAST(:s AS TIMESTAMP WITH TIME ZONE)"
                + " ELSE CAST(:d AS TIMESTAMP WITH TIME ZONE) END"
                + " WHERE case_id = :id").param("s", Timestamp.from(sub)).param("d", Timestamp.from(at))
                .param("id", caseId).update();
    }

    private long id(String username) {
        return users.findByUsername(username).orElseThrow(() -> new IllegalStateException("demo user " + username))
                .id();
    }

    private JianduPrincipal principal(String username) {
        return users.principal(id(username)).orElseThrow();
    }
}
