package cn.jiandu.training.domain;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.selection.AppointmentOrigin;
import cn.jiandu.selection.AppointmentStarted;
import cn.jiandu.selection.AppointmentView;
import cn.jiandu.selection.Appointments;
import cn.jiandu.shared.seed.SeedStep;
import cn.jiandu.shared.time.ClockConfig;
import cn.jiandu.training.OnboardingItemCode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 五个一 checklists of the demo appointments ({@code selection.demo}) in several states: the branch inspectors
 * and most team supervisors completed on time (confirmed by the office at their onboarding), one team supervisor
 * completed late, one still without the knowledge test, and of the three grid supervisors appointed in 2025 吴海涛
 * (grid1) with 警示教育 and 知识测试 still to do, 郑美玲 (grid2) missing the test, 窦海燕 (grid3) with nothing done.
 * The checklists are opened here as the listener would (it may run at the same time; opening is idempotent).
 */
@Component
@Profile("demo")
class OnboardingDemoData implements SeedStep {

    /** username → items done (in order) and whether on time; missing = nothing done. */
    static final Map<String, List<OnboardingItemCode>> PARTIAL = Map.of(
            "team10", List.of(OnboardingItemCode.THEORY, OnboardingItemCode.METHOD, OnboardingItemCode.WARNING,
                    OnboardingItemCode.DISCUSSION),
            "grid1", List.of(OnboardingItemCode.THEORY, OnboardingItemCode.METHOD, OnboardingItemCode.DISCUSSION),
            "grid2", List.of(OnboardingItemCode.THEORY, OnboardingItemCode.METHOD, OnboardingItemCode.WARNING,
                    OnboardingItemCode.DISCUSSION),
            "grid3", List.of());
    static final Set<String> LATE = Set.of("team9");
    static final String[] EVIDENCE = {"新任监督员集中理论学习（党章党规、监督职责）", "纪委办监督方法现场指导",
            "“以案为鉴”警示教育专题会", "新任监督员座谈交流会", "新任监督员知识测试（线下，成绩存档）"};

    private final Appointments appointments;
    private final OnboardingService onboarding;
    private final UserDirectory users;
    private final JdbcClient jdbc;
    private final Clock clock;

    OnboardingDemoData(Appointments appointments, OnboardingService onboarding, UserDirectory users, JdbcClient jdbc,
            Clock clock) {
        this.appointments = appointments;
        this.onboarding = onboarding;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "training.onboarding-demo";
    }

    @Override
    public Set<String> after() {
        return Set.of("selection.demo", "identity.demo-people");
    }

    @Override
    @Transactional
    public void run() {
        if (jdbc.sql("SELECT COUNT(*) FROM onboarding_item WHERE source = 'CONFIRMED'").query(Long.class).single() > 0) {
            return;
        }
        long admin = users.findByUsername("admin").map(UserView::id).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        for (AppointmentView a : appointments.activeOn(today)) {
            if (a.origin() != AppointmentOrigin.SELECTED) {
                continue;
            }
            onboarding.open(new AppointmentStarted(a.id(), a.userId(), a.type(), a.scopeUnitId(), a.startsOn(),
                    a.endsOn(), a.origin()));
            String username = users.find(a.userId()).map(UserView::username).orElse("");
            List<OnboardingItemCode> done = PARTIAL.getOrDefault(username, List.of(OnboardingItemCode.values()));
            int spacing = LATE.contains(username) ? 12 : 5; // days between items: 5 keeps it within 30 working days
            for (int i = 0; i < done.size(); i++) {
                OnboardingItemCode code = done.get(i);
                LocalDate on = a.startsOn().plusDays(3L + (long) i * spacing);
                jdbc.sql("""
                        UPDATE onboarding_item SET done_at = :at, source = 'CONFIRMED', evidence = :ev,
                            confirmed_by = :by WHERE appointment_id = :a AND code = :c AND done_at IS NULL""")
                        .param("at", Db.ts(on.atTime(10, 0).atZone(ClockConfig.ZONE).toInstant()))
                        .param("ev", EVIDENCE[code.ordinal()]).param("by", admin).param("a", a.id())
                        .param("c", code.name()).update();
            }
            if (done.size() == OnboardingItemCode.values().length) {
                jdbc.sql("""
                        UPDATE onboarding SET completed_at = (SELECT MAX(done_at) FROM onboarding_item
                            WHERE appointment_id = :a) WHERE appointment_id = :a""").param("a", a.id()).update();
            }
        }
    }
}
