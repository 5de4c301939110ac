package cn.jiandu.training.domain;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.seed.SeedStep;
import cn.jiandu.shared.time.ClockConfig;
import cn.jiandu.training.AttendanceRecorded;
import cn.jiandu.training.AttendanceStatus;
import cn.jiandu.training.SessionKind;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo training: the four quarterly classes (季度监督员专题业务培训班) of the past year for all three supervisor
 * types, with attendance (mostly present, a few late, some leaves with reasons, a few absences), branch sessions
 * within 三会一课 by the branch secretaries, a warning-education session in the grids, and sessions still to come.
 * History is written with past times directly (the sign-in window of a past session is closed); each attendance
 * publishes {@link AttendanceRecorded} like a live one, so the ledger counts it. Runs once, on an empty table.
 */
@Component
@Profile("demo")
class TrainingDemoData implements SeedStep {

    static final String[] LEAVE_REASONS = {"外出支撑客户割接", "参加公司安全生产检查", "病假", "营业厅值班无法脱岗"};

    private final JdbcClient jdbc;
    private final SessionService sessions;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TrainingDemoData(JdbcClient jdbc, SessionService sessions, UserDirectory users, OrgDirectory org,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.users = users;
        this.org = org;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "training.demo";
    }

    @Override
    public Set<String> after() {
        return Set.of("identity.demo-people");
    }

    @Override
    @Transactional
    public void run() {
        if (jdbc.sql("SELECT COUNT(*) FROM training_session").query(Long.class).single() > 0) {
            return;
        }
        long admin = user("admin");
        long root = org.all().stream().filter(u -> u.parentId() == null).mapToLong(OrgUnitView::id).min()
                .orElseThrow();
        LocalDate today = LocalDate.now(clock);
        Set<Role> all = EnumSet.of(Role.BRANCH_INSPECTOR, Role.TEAM_SUPERVISOR, Role.GRID_SUPERVISOR);

        // the last four quarterly classes: a Thursday in the middle month of each of the last four quarters
        for (int k = 4; k >= 1; k--) {
            LocalDate inQuarter = today.minusMonths(3L * k - 1);
            LocalDate day = inQuarter.withDayOfMonth(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY))
                    .plusWeeks(1);
            String title = day.getYear() + "年第" + "一二三四".charAt(day.get(IsoFields.QUARTER_OF_YEAR) - 1)
                    + "季度监督员专题业务培训班";
            long id = session(SessionKind.QUARTERLY_CLASS, title, day, 9, Duration.ofHours(3), "北海分公司五楼大会议室",
                    admin, root, all, List.of(), "以“监督一本通”为指引，讲解职责定位、监督清单、监督问题台账与问题线索移交。");
            attend(id, k, true);
        }
        // branch training within 三会一课
        String[][] branches = {{"bs_hepu", "合浦分公司党支部", "12", "合浦分公司党支部“三会一课”监督业务学习"},
                {"bs_market", "市场经营部党支部", "40", "市场经营部党支部主题党日：渠道廉洁风险点讲解"},
                {"bs_net", "网络部党支部", "25", "网络部党支部“三会一课”：工程物资管理监督要点"}};
        for (String[] b : branches) {
            long secretary = user(b[0]);
            long unit = unit(b[1]);
            LocalDate day = today.minusDays(Long.parseLong(b[2])).with(TemporalAdjusters.previousOrSame(
                    DayOfWeek.TUESDAY));
            long id = session(SessionKind.BRANCH_TRAINING, b[3], day, 15, Duration.ofHours(2), b[1] + "党员活动室",
                    secretary, unit, Set.of(), List.of(unit), null);
            attend(id, b[0].length(), false);
        }
        // a leader goes down to the grids for warning education
        LocalDate warningDay = today.minusDays(50).with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY));
        long warning = session(SessionKind.WARNING_EDUCATION, "“以案为鉴”警示教育进网格", warningDay, 10,
                Duration.ofHours(2), "合浦分公司三楼会议室", user("secretary"), root, EnumSet.of(Role.GRID_SUPERVISOR),
                List.of(), "通报近期违规经营典型问题，观看警示教育片。");
        attend(warning, 3, false);
        // still to come
        LocalDate next = today.plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
        session(SessionKind.THEORY, "新任监督员理论学习：党章党规与监督职责", next, 9, Duration.ofHours(2),
                "北海分公司五楼大会议室", admin, root, all, List.of(), null);
        session(SessionKind.BRANCH_TRAINING, "银海分公司党支部“三会一课”：监督清单逐项讲解", next.plusDays(5), 15,
                Duration.ofHours(2), "银海分公司党员活动室", user("bs_yinhai"), unit("银海分公司党支部"), Set.of(),
                List.of(unit("银海分公司党支部")), null);
    }

    private long session(SessionKind kind, String title, LocalDate day, int hour, Duration length, String place,
            long organiser, long ownerUnit, Set<Role> types, List<Long> units, String description) {
        Instant starts = day.atTime(hour, 0).atZone(ClockConfig.ZONE).toInstant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO training_session (kind, title, starts_at, ends_at, place, online, organiser_id,
                    owner_unit_id, audience_types, description, created_by, created_at, updated_at)
                VALUES (:kind, :title, :starts, :ends, :place, FALSE, :organiser, :owner, :types, :descr, :organiser,
                    :created, :created)""")
                .param("kind", kind.name()).param("title", title).param("starts", Db.ts(starts))
                .param("ends", Db.ts(starts.plus(length))).param("place", place).param("organiser", organiser)
                .param("owner", ownerUnit)
                .param("types", types.stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("descr", description).param("created", Db.ts(starts.minus(Duration.ofDays(10))))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (Long u : units) {
            jdbc.sql("INSERT INTO training_audience_unit (session_id, unit_id) VALUES (:s, :u)").param("s", id)
                    .param("u", u).update();
        }
        for (long u : sessions.resolve(types, units, List.of())) {
            jdbc.sql("INSERT INTO training_invitee (session_id, user_id) VALUES (:s, :u)").param("s", id)
                    .param("u", u).update();
        }
        return id;
    }

    /** Mostly present; by a fixed pattern some late, some on leave and, in the bigger sessions, a few absent. */
    private void attend(long sessionId, int salt, boolean big) {
        TrainingSession s = sessions.find(sessionId).orElseThrow();
        List<Long> invitees = sessions.ids("SELECT user_id FROM training_invitee WHERE session_id = :id ORDER BY user_id",
                sessionId);
        for (int i = 0; i < invitees.size(); i++) {
            long u = invitees.get(i);
            int r = Math.floorMod((int) (u * 31 + salt * 7), 23);
            AttendanceStatus status = r == 0 ? AttendanceStatus.LEAVE : r == 1 && big ? AttendanceStatus.ABSENT
                    : r == 2 ? AttendanceStatus.LATE : AttendanceStatus.PRESENT;
            Instant at = switch (status) {
                case PRESENT -> s.startsAt().minus(Duration.ofMinutes(2 + r % 13));
                case LATE -> s.startsAt().plus(Duration.ofMinutes(15 + r));
                default -> s.startsAt().minus(Duration.ofDays(1));
            };
            String reason = status == AttendanceStatus.LEAVE ? LEAVE_REASONS[(int) (u % LEAVE_REASONS.length)]
                    : status == AttendanceStatus.ABSENT ? "未请假未参加" : null;
            jdbc.sql("""
                    UPDATE training_invitee SET status = :st, signed_in_at = :signed, reason = :r, recorded_at = :at,
                        marked_by = :by WHERE session_id = :s AND user_id = :u""")
                    .param("st", status.name()).param("signed", status.attended() ? Db.ts(at) : null)
                    .param("r", reason).param("at", Db.ts(at))
                    .param("by", status == AttendanceStatus.ABSENT ? s.organiserId() : null)
                    .param("s", sessionId).param("u", u).update();
            events.publishEvent(new AttendanceRecorded(sessionId, u, s.kind(), status,
                    s.startsAt().atZone(ClockConfig.ZONE).toLocalDate(), at, status == AttendanceStatus.ABSENT));
        }
    }

    private long user(String username) {
        return users.findByUsername(username).map(UserView::id).orElseThrow(
                () -> new IllegalStateException("demo person " + username + " missing"));
    }

    private long unit(String name) {
        return org.findByName(name).orElseThrow().id();
    }
}
