package cn.jiandu.selection.domain;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.selection.AppointmentOrigin;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.seed.SeedStep;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code selection.demo}: the source's organisation chain. 20 supervisors vetted since 2023 and appointed — the
 * branch inspectors of the seven party branches, the 10 team supervisors added in the four key departments
 * (市场经营部, 政企客户部, 工程建设部, 网络部) and three grid supervisors — while the other grid supervisors of the demo
 * accounts are left to {@code selection.import-role-holders} and enter the register as imported. One appointment
 * (刘秀英's) runs out within the register's warning window, whatever day the demo starts.
 */
@Component
@Profile("demo")
class SelectionDemoData implements SeedStep {

    private final AppointmentService service;
    private final UserDirectory users;
    private final JdbcClient jdbc;
    private final Clock clock;

    SelectionDemoData(AppointmentService service, UserDirectory users, JdbcClient jdbc, Clock clock) {
        this.service = service;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "selection.demo";
    }

    @Override
    public Set<String> after() {
        return Set.of("identity.demo-people");
    }

    @Override
    public Set<String> before() {
        return Set.of("selection.import-role-holders");
    }

    @Override
    @Transactional
    public void run() {
        if (jdbc.sql("SELECT COUNT(*) FROM appointment WHERE origin = 'SELECTED'").query(Long.class).single() > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        // three-year term ending 40 days from today: the register's "expiring soon" example
        appoint("inspector1", Role.BRANCH_INSPECTOR, today.plusDays(40).minusYears(3).plusDays(1));
        for (int i = 2; i <= 7; i++) {
            appoint("inspector" + i, Role.BRANCH_INSPECTOR, LocalDate.of(2024, 3, 15));
        }
        for (int i = 1; i <= 10; i++) {
            appoint("team" + i, Role.TEAM_SUPERVISOR, LocalDate.of(2024, 6, 20));
        }
        for (int i = 1; i <= 3; i++) {
            appoint("grid" + i, Role.GRID_SUPERVISOR, LocalDate.of(2025, 4, 10));
        }
    }

    private void appoint(String username, Role type, LocalDate start) {
        UserView u = users.findByUsername(username)
                .orElseThrow(() -> new IllegalStateException("demo person " + username + " missing"));
        service.appoint(u.id(), type, u.orgUnitId(), start, null, AppointmentOrigin.SELECTED, null);
    }
}
