package cn.jiandu.problem.domain;

import cn.jiandu.shared.seed.SeedStep;
import java.util.Set;
import cn.jiandu.calendar.WorkingCalendar;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.problem.Rating;
import cn.jiandu.shared.time.ClockConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo categories, dispatch rules for the demo org, the source's 2025 headline (67 reported, 67 resolved, all
 * 满意) and, for the current year, a few reports in every state. History is written with past timestamps through
 * the aggregate's own methods, not through the clock. Profile {@code demo}, after identity's demo users.
 */
@Component
@Profile("demo")
class ProblemDemoData implements SeedStep {

    static final String[][] CATEGORIES = {{"DISCIPLINE", "作风纪律"}, {"INTEGRITY", "廉洁风险"},
            {"SERVICE", "服务质量"}, {"BUSINESS", "违规经营"}, {"SAFETY", "安全生产"}, {"OTHER", "其他"}};
    static final String[] REPORTERS = {"grid1", "grid2", "grid3", "grid4", "grid5", "team1", "team2", "team3",
            "inspector1", "inspector2", "inspector5", "staff8"};
    static final String[][] SAMPLES = {
            {"SERVICE", "营业厅排队时间过长", "周末营业厅只开一个窗口，客户排队超过一小时", "渠道管理班组"},
            {"SAFETY", "机房消防器材过期", "基站机房灭火器已过检验有效期", "网络维护班组"},
            {"BUSINESS", "代理商违规捆绑销售", "代理商办理宽带时强制捆绑副卡", "廉州网格"},
            {"SERVICE", "装机预约未按时上门", "客户预约装机，工程师两次未按时上门", "福成网格"},
            {"DISCIPLINE", "上班时间脱岗", "有员工工作时间长期不在岗", "营销策划班组"},
            {"SAFETY", "杆路倒伏未及时处理", "台风后杆路倒伏，存在安全隐患", "传输保障班组"},
            {"SERVICE", "投诉回访不及时", "客户投诉三天无人回访", "石康网格"},
            {"OTHER", "宣传物料摆放杂乱", "营业厅宣传物料堆放影响通行", "南康网格"}};

    private final CategoryRepository categories;
    private final DispatchRuleRepository rules;
    private final ProblemRepository problems;
    private final OrgDirectory org;
    private final UserDirectory users;
    private final WorkingCalendar calendar;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProblemDemoData(CategoryRepository categories, DispatchRuleRepository rules, ProblemRepository problems,
            OrgDirectory org, UserDirectory users, WorkingCalendar calendar, JdbcClient jdbc, Clock clock) {
        this.categories = categories;
        this.rules = rules;
        this.problems = problems;
        this.org = org;
        this.users = users;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "problem.demo";
    }

    @Override
    public Set<String> after() {
        return Set.of("identity.demo-people");
    }

    @Override
    @Transactional
    public void run() {
        if (categories.count() > 0) {
            return;
        }
        for (int i = 0; i < CATEGORIES.length; i++) {
            categories.insert(new Category(CATEGORIES[i][0], CATEGORIES[i][1]), i);
        }
        rule("安全生产 → 网络部", "SAFETY", null, null, "网络部", 3, 10);
        rule("市场经营部服务质量 → 市场经营部", "SERVICE", "市场经营部", null, "市场经营部", 5, 20);
        rule("政企客户部服务质量 → 政企客户部", "SERVICE", "政企客户部", null, "政企客户部", 5, 20);
        rule("合浦分公司网格 → 合浦分公司", null, "合浦分公司", null, "合浦分公司", 5, 30);
        rule("银海分公司网格 → 银海分公司", null, "银海分公司", null, "银海分公司", 5, 30);
        rule("铁山港分公司网格 → 铁山港分公司", null, "铁山港分公司", null, "铁山港分公司", 5, 30);
        rule("违规经营 → 市场经营部", "BUSINESS", null, null, "市场经营部", 5, 40);
        rule("工程建设部 → 工程建设部", null, "工程建设部", null, "工程建设部", 5, 50);
        rule("网络部 → 网络部", null, "网络部", null, "网络部", 5, 50);
        rule("营业厅相关 → 市场经营部", null, null, "营业厅,渠道,代理商", "市场经营部", 5, 60);
        history2025();
        currentYear();
    }

    private void rule(String name, String category, String orgName, String keywords, String unitName, int days,
            int priority) {
        rules.insert(new DispatchRule(null, name, category, orgName == null ? null : unit(orgName).id(), keywords,
                unit(unitName).id(), days, priority, true));
    }

    /** The source's figures: 67 reported in 2025, all resolved and rated 满意. */
    private void history2025() {
        LocalDate start = LocalDate.of(2025, 1, 6);
        for (int i = 0; i < 67; i++) {
            Instant at = start.plusDays(i * 5L).atTime(LocalTime.of(9, 30)).atZone(ClockConfig.ZONE).toInstant();
            Problem p = report(i, at);
            dispatch(p, at);
            p.accept(handlerOf(p), at.plus(Duration.ofHours(3)));
            p.reply(handlerOf(p), "已完成整改，并举一反三开展自查。", at.plus(Duration.ofDays(2)));
            p.rate(Rating.SATISFIED, "整改到位", null, at.plus(Duration.ofDays(3)));
            problems.save(p);
        }
    }

    /** A few reports in every state, timed relative to today so that every queue and warning colour shows. */
    private void currentYear() {
        Instant now = clock.instant();
        int k = 100;
        // 待分办: matched no rule
        Problem pending = manual(k++, "DISCIPLINE", "值班人员饮酒", "节假日值班期间有人饮酒", now.minus(Duration.ofDays(1)));
        problems.save(pending);
        Problem pending2 = manual(k++, "INTEGRITY", "供应商宴请", "项目验收前接受供应商宴请", now.minus(Duration.ofHours(5)));
        problems.save(pending2);
        // 待受理, fresh and (blue) long unaccepted
        Problem fresh = report(k++, now.minus(Duration.ofHours(2)));
        dispatch(fresh, now.minus(Duration.ofHours(2)));
        problems.save(fresh);
        Problem blue = report(k++, now.minus(Duration.ofDays(8)));
        dispatch(blue, now.minus(Duration.ofDays(8)));
        problems.save(blue);
        // 办理中: on time, overdue (red), reopened (yellow), extension pending
        Problem working = report(k++, now.minus(Duration.ofDays(1)));
        dispatch(working, now.minus(Duration.ofDays(1)));
        working.accept(handlerOf(working), now.minus(Duration.ofHours(20)));
        working.note(handlerOf(working), "已约谈相关人员，正在整改", now.minus(Duration.ofHours(2)));
        // ... whose unit asks the office to take it over as a clue (移交申请待确认 on the admin's 待分办 page)
        working.proposeTransfer(handlerOf(working), "约谈中发现涉嫌违规收受礼品，建议作为问题线索移交纪委",
                now.minus(Duration.ofHours(1)));
        problems.save(working);
        Problem overdue = report(k++, now.minus(Duration.ofDays(20)));
        dispatch(overdue, now.minus(Duration.ofDays(20)));
        overdue.accept(handlerOf(overdue), now.minus(Duration.ofDays(19)));
        problems.save(overdue);
        Problem reopened = report(k++, now.minus(Duration.ofDays(6)));
        dispatch(reopened, now.minus(Duration.ofDays(6)));
        reopened.accept(handlerOf(reopened), now.minus(Duration.ofDays(5)));
        reopened.reply(handlerOf(reopened), "已整改", now.minus(Duration.ofDays(3)));
        reopened.rate(Rating.DISSATISFIED, "问题依旧", calendar.deadlineAfter(now.minus(Duration.ofDays(2)), 5),
                now.minus(Duration.ofDays(2)));
        problems.save(reopened);
        Problem extension = report(k++, now.minus(Duration.ofDays(3)));
        dispatch(extension, now.minus(Duration.ofDays(3)));
        extension.accept(handlerOf(extension), now.minus(Duration.ofDays(3)));
        extension.requestExtension(handlerOf(extension), 5, "需协调厂家更换设备", now.minus(Duration.ofDays(1)));
        problems.save(extension);
        // 待评价
        for (int i = 0; i < 2; i++) {
            Problem replied = report(k++, now.minus(Duration.ofDays(4 + i)));
            dispatch(replied, now.minus(Duration.ofDays(4 + i)));
            replied.accept(handlerOf(replied), now.minus(Duration.ofDays(3 + i)));
            replied.reply(handlerOf(replied), "已整改完毕，请评价", now.minus(Duration.ofDays(1)));
            problems.save(replied);
        }
        // 已办结 this year: rated, unrated, withdrawn
        Rating[] verdicts = {Rating.SATISFIED, Rating.SATISFIED, Rating.BASICALLY_SATISFIED, Rating.SATISFIED};
        for (int i = 0; i < verdicts.length; i++) {
            Instant at = now.minus(Duration.ofDays(200 - i * 40L));
            Problem closed = report(k++, at);
            dispatch(closed, at);
            closed.accept(handlerOf(closed), at.plus(Duration.ofHours(4)));
            closed.reply(handlerOf(closed), "已整改", at.plus(Duration.ofDays(2)));
            closed.rate(verdicts[i], null, null, at.plus(Duration.ofDays(3)));
            problems.save(closed);
        }
        Problem unrated = report(k++, now.minus(Duration.ofDays(30)));
        dispatch(unrated, now.minus(Duration.ofDays(30)));
        unrated.accept(handlerOf(unrated), now.minus(Duration.ofDays(29)));
        unrated.reply(handlerOf(unrated), "已整改", now.minus(Duration.ofDays(25)));
        unrated.closeUnrated(now.minus(Duration.ofDays(18)));
        problems.save(unrated);
        Problem withdrawn = report(k++, now.minus(Duration.ofDays(10)));
        withdrawn.withdraw(Actor.reporter(withdrawn.reporterId()), "已自行解决", now.minus(Duration.ofDays(10)));
        problems.save(withdrawn);
        // 已移交
        Problem clue = manual(k++, "INTEGRITY", "疑似虚报套取营销费用", "渠道酬金结算存在虚报情况", now.minus(Duration.ofDays(12)));
        clue.transferClue(Actor.admin(user("admin").id()), "涉嫌违纪，移交纪委", now.minus(Duration.ofDays(11)));
        problems.save(clue);
    }

    private Problem report(int i, Instant at) {
        String[] s = SAMPLES[i % SAMPLES.length];
        UserView reporter = user(REPORTERS[i % REPORTERS.length]);
        return problems.insert(Problem.submit(s[1], s[2], s[3], s[0], unit(s[3]).id(), reporter.id(), false, at));
    }

    private Problem manual(int i, String category, String title, String description, Instant at) {
        UserView reporter = user(REPORTERS[i % REPORTERS.length]);
        return problems.insert(Problem.submit(title, description, null, category, reporter.orgUnitId(),
                reporter.id(), false, at));
    }

    private void dispatch(Problem p, Instant at) {
        OrgUnitView concerned = org.find(p.orgUnitId()).orElseThrow();
        DispatchRule r = Dispatcher.choose(rules.all(), p.categoryCode(), concerned.path(),
                p.title() + " " + p.description(), id -> org.find(id).map(OrgUnitView::path).orElse(null))
                .orElseGet(() -> new DispatchRule(null, "manual", null, null, null, unit("综合部").id(), 5, 0, true));
        p.dispatch(r.handlingUnitId(), r.deadlineWorkingDays(), calendar.deadlineAfter(at, r.deadlineWorkingDays()),
                Actor.SYSTEM, r.name(), at);
    }

    private Actor handlerOf(Problem p) {
        List<UserView> handlers = users.inUnitWithRole(p.handlingUnitId(), cn.jiandu.shared.security.Role.HANDLER);
        return handlers.isEmpty() ? Actor.admin(user("admin").id()) : Actor.handler(handlers.get(0).id());
    }

    private OrgUnitView unit(String name) {
        return org.findByName(name).orElseThrow(() -> new IllegalStateException("demo unit missing: " + name));
    }

    private UserView user(String username) {
        return users.findByUsername(username)
                .orElseThrow(() -> new IllegalStateException("demo user missing: " + username));
    }
}
