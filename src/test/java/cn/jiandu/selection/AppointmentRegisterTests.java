package cn.jiandu.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.identity.domain.User;
import cn.jiandu.identity.domain.UserRepository;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.selection.AppointmentEnded.EndReason;
import cn.jiandu.selection.domain.Appointment;
import cn.jiandu.selection.domain.AppointmentRepository;
import cn.jiandu.selection.domain.AppointmentService;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The register behind {@link Appointments}: demo and imported appointments, the role following them, the events. */
@IntegrationTest
class AppointmentRegisterTests {

    @Autowired Appointments register;
    @Autowired AppointmentService service;
    @Autowired AppointmentRepository repository;
    @Autowired UserDirectory directory;
    @Autowired UserRepository userRepository;
    @Autowired OrgDirectory org;
    @Autowired SelectionEventRecorder recorder;

    private final LocalDate today = LocalDate.now(cn.jiandu.shared.time.ClockConfig.ZONE);

    private long unit(String name) {
        return org.findByName(name).orElseThrow().id();
    }

    private UserView demo(String username) {
        return directory.findByUsername(username).orElseThrow();
    }

    private long throwaway(Role role) {
        User u = userRepository.insert(new User(null, "sel-" + UUID.randomUUID().toString().substring(0, 8), "测试员",
                unit("网络部"), null, "x", Set.of(role), true, false));
        return u.id();
    }

    @Test
    void demoTeamSupervisorsHoldSelectedAppointmentsOverTheirTeams() {
        for (int i = 1; i <= 10; i++) {
            UserView team = demo("team" + i);
            List<AppointmentView> held = register.ofUser(team.id());
            assertThat(held).as("team%d", i).singleElement().satisfies(a -> {
                assertThat(a.type()).isEqualTo(Role.TEAM_SUPERVISOR);
                assertThat(a.scopeUnitId()).isEqualTo(team.orgUnitId());
                assertThat(a.origin()).isEqualTo(AppointmentOrigin.SELECTED);
                assertThat(a.number()).matches("JDPR-2024-\\d{4}");
                assertThat(a.activeOn(today)).isTrue();
            });
        }
        assertThat(org.find(demo("team1").orgUnitId()).orElseThrow().name()).isEqualTo("渠道管理班组");
    }

    @Test
    void everyDemoSupervisorIsInOfficeAndTheRestAreImported() {
        List<AppointmentView> active = register.activeOn(today);
        for (String username : List.of("inspector1", "inspector7", "grid1", "grid3", "grid4", "grid9")) {
            assertThat(active).as(username).anyMatch(a -> a.userId() == demo(username).id());
        }
        assertThat(register.ofUser(demo("grid4").id())).singleElement()
                .satisfies(a -> assertThat(a.origin()).isEqualTo(AppointmentOrigin.IMPORTED));
        assertThat(register.ofUser(demo("grid3").id())).singleElement()
                .satisfies(a -> assertThat(a.origin()).isEqualTo(AppointmentOrigin.SELECTED));
        assertThat(register.ofUser(demo("staff1").id())).isEmpty();
        long selected = active.stream().filter(a -> a.origin() == AppointmentOrigin.SELECTED
                && a.number().matches("JDPR-202[345]-\\d{4}")).count();
        assertThat(selected).isGreaterThanOrEqualTo(20);
    }

    @Test
    void inspector1sTermRunsOutWithinTheWarningWindow() {
        AppointmentView a = register.ofUser(demo("inspector1").id()).get(0);
        assertThat(a.endsOn()).isEqualTo(today.plusDays(40));
        assertThat(a.endsOn()).isEqualTo(a.startsOn().plusYears(3).minusDays(1));
    }

    @Test
    void appointingGivesTheRolePublishesAndRefusesASecondOpenOneOverTheSameScope() {
        long user = throwaway(Role.EMPLOYEE);
        long scope = unit("传输保障班组");
        Appointment a = service.appoint(user, Role.TEAM_SUPERVISOR, scope, today, null, AppointmentOrigin.SELECTED,
                null);
        assertThat(a.number()).matches("JDPR-" + today.getYear() + "-\\d{4}");
        assertThat(a.termEnd()).isEqualTo(today.plusYears(3).minusDays(1));
        assertThat(directory.find(user).orElseThrow().roles()).contains(Role.TEAM_SUPERVISOR, Role.EMPLOYEE);
        assertThat(recorder.events).contains(new AppointmentStarted(a.id(), user, Role.TEAM_SUPERVISOR, scope, today,
                a.termEnd(), AppointmentOrigin.SELECTED));
        assertThat(register.find(a.id())).contains(a.view());

        assertThatThrownBy(() -> service.appoint(user, Role.TEAM_SUPERVISOR, scope, today, null,
                AppointmentOrigin.SELECTED, null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT));
        assertThatThrownBy(() -> service.appoint(user, Role.HANDLER, scope, today, null, AppointmentOrigin.SELECTED,
                null)).isInstanceOfSatisfying(Refusal.class,
                        r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID));
    }

    @Test
    void numbersRunOnWithinAYear() {
        long first = throwaway(Role.EMPLOYEE);
        long second = throwaway(Role.EMPLOYEE);
        Appointment a = service.appoint(first, Role.GRID_SUPERVISOR, unit("营盘网格"), LocalDate.of(2019, 5, 1),
                null, AppointmentOrigin.SELECTED, null);
        Appointment b = service.appoint(second, Role.GRID_SUPERVISOR, unit("营盘网格"), LocalDate.of(2019, 7, 1),
                null, AppointmentOrigin.SELECTED, null);
        int na = Integer.parseInt(a.number().substring("JDPR-2019-".length()));
        int nb = Integer.parseInt(b.number().substring("JDPR-2019-".length()));
        assertThat(nb).isEqualTo(na + 1);
        // a term long over gives no role
        assertThat(directory.find(first).orElseThrow().roles()).doesNotContain(Role.GRID_SUPERVISOR);
    }

    @Test
    void endingTakesTheRoleOnlyWhenNoOtherAppointmentOfTheTypeHoldsIt() {
        long user = throwaway(Role.EMPLOYEE);
        Appointment one = service.appoint(user, Role.GRID_SUPERVISOR, unit("南康网格"), today.minusDays(10), null,
                AppointmentOrigin.SELECTED, null);
        Appointment two = service.appoint(user, Role.GRID_SUPERVISOR, unit("兴港网格"), today.minusDays(5), null,
                AppointmentOrigin.SELECTED, null);

        Appointment ended = service.end(one.id(), EndReason.DISMISSED, "调离岗位", today, null);
        assertThat(ended.status(today)).isEqualTo(Appointment.Status.ENDED);
        assertThat(ended.endedOn()).isEqualTo(today);
        assertThat(ended.view().activeOn(today)).isFalse();
        assertThat(ended.view().activeOn(today.minusDays(1))).isTrue();
        assertThat(directory.find(user).orElseThrow().roles()).contains(Role.GRID_SUPERVISOR);
        assertThat(recorder.events).contains(new AppointmentEnded(one.id(), user, Role.GRID_SUPERVISOR, today,
                EndReason.DISMISSED));

        service.end(two.id(), EndReason.TERMINATED, "解聘", today, null);
        assertThat(directory.find(user).orElseThrow().roles()).doesNotContain(Role.GRID_SUPERVISOR);

        assertThatThrownBy(() -> service.end(two.id(), EndReason.TERMINATED, "again", today, null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT));
    }

    @Test
    void endingEarlyNeedsAReasonAndADayWithinTheTermNotInTheFuture() {
        long user = throwaway(Role.EMPLOYEE);
        Appointment a = service.appoint(user, Role.GRID_SUPERVISOR, unit("福成网格"), today.minusDays(3), null,
                AppointmentOrigin.SELECTED, null);
        for (LocalDate bad : new LocalDate[] {today.plusDays(1), today.minusDays(4)}) {
            assertThatThrownBy(() -> service.end(a.id(), EndReason.DISMISSED, "免职", bad, null))
                    .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID));
        }
        assertThatThrownBy(() -> service.end(a.id(), EndReason.DISMISSED, " ", today, null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID));
        assertThat(repository.find(a.id()).orElseThrow().ended()).isFalse();
        assertThat(directory.find(user).orElseThrow().roles()).contains(Role.GRID_SUPERVISOR);
    }

    @Test
    void theDailyJobEndsTermsOverAndTheRoleGoes() {
        long user = throwaway(Role.EMPLOYEE);
        LocalDate start = today.minusYears(3).minusDays(2);
        Appointment a = service.appoint(user, Role.BRANCH_INSPECTOR, unit("财务部"), start, today.minusDays(1),
                AppointmentOrigin.SELECTED, null);
        // in office until yesterday: give the role as a hand-ticked holder would have it
        service.appoint(user, Role.TEAM_SUPERVISOR, unit("行业拓展班组"), today, null, AppointmentOrigin.SELECTED,
                null);
        assertThat(a.status(today)).isEqualTo(Appointment.Status.EXPIRED);
        userRepository.addRole(user, Role.BRANCH_INSPECTOR);

        assertThat(service.endTermsOver()).isGreaterThanOrEqualTo(1);

        Appointment after = repository.find(a.id()).orElseThrow();
        assertThat(after.endedOn()).isEqualTo(today);
        assertThat(after.endReason()).isEqualTo(EndReason.TERM_OVER);
        assertThat(after.status(today)).isEqualTo(Appointment.Status.EXPIRED);
        assertThat(directory.find(user).orElseThrow().roles()).doesNotContain(Role.BRANCH_INSPECTOR)
                .contains(Role.TEAM_SUPERVISOR);
        assertThat(service.endTermsOver()).isZero();
    }

    @Test
    void overlappingAndActiveOnFollowTheTermAndTheEnd() {
        long user = throwaway(Role.EMPLOYEE);
        Appointment a = service.appoint(user, Role.GRID_SUPERVISOR, unit("侨港网格"), LocalDate.of(2018, 1, 1),
                LocalDate.of(2018, 12, 31), AppointmentOrigin.SELECTED, null);
        assertThat(register.overlapping(LocalDate.of(2018, 12, 1), LocalDate.of(2019, 1, 31)))
                .extracting(AppointmentView::id).contains(a.id());
        assertThat(register.overlapping(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)))
                .extracting(AppointmentView::id).doesNotContain(a.id());
        assertThat(register.overlapping(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31)))
                .extracting(AppointmentView::id).doesNotContain(a.id());
        assertThat(register.activeOn(LocalDate.of(2018, 6, 1))).extracting(AppointmentView::id).contains(a.id());
        assertThat(register.activeOn(LocalDate.of(2019, 1, 1))).extracting(AppointmentView::id)
                .doesNotContain(a.id());
    }

    @Test
    void aHandTickedRoleIsImportedOnceOverTheHoldersUnit() {
        long user = throwaway(Role.GRID_SUPERVISOR);
        assertThat(service.importRoleHolders()).isGreaterThanOrEqualTo(1);
        assertThat(register.ofUser(user)).singleElement().satisfies(a -> {
            assertThat(a.origin()).isEqualTo(AppointmentOrigin.IMPORTED);
            assertThat(a.scopeUnitId()).isEqualTo(unit("网络部"));
            assertThat(a.activeOn(today)).isTrue();
        });
        assertThat(repository.find(register.ofUser(user).get(0).id()).orElseThrow().termConfirmed()).isFalse();
        service.importRoleHolders();
        assertThat(register.ofUser(user)).hasSize(1);
    }
}
