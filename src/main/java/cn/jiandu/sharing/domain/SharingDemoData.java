package cn.jiandu.sharing.domain;

import cn.jiandu.shared.seed.SeedStep;
import java.util.Set;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.sharing.DutyPeriodType;
import cn.jiandu.sharing.FolderKind;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo content for the three spaces: 2026 quarterly duty periods, a few files of team1, team2, grid1 and
 * inspector1, and one training file the admin published to all spaces. Profile {@code demo}, after the demo users.
 */
@Component
@Profile("demo")
class SharingDemoData implements SeedStep {

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final SpaceRepository spaces;
    private final FolderRepository folders;
    private final SharingService sharing;
    private final PublishService publisher;
    private final DutyService duty;

    SharingDemoData(JdbcClient jdbc, UserDirectory users, SpaceRepository spaces, FolderRepository folders,
            SharingService sharing, PublishService publisher, DutyService duty) {
        this.jdbc = jdbc;
        this.users = users;
        this.spaces = spaces;
        this.folders = folders;
        this.sharing = sharing;
        this.publisher = publisher;
        this.duty = duty;
    }

    @Override
    public String name() {
        return "sharing.demo";
    }

    @Override
    public Set<String> after() {
        return Set.of("identity.demo-people", "sharing.spaces");
    }

    @Override
    @Transactional
    public void run() {
        if (jdbc.sql("SELECT COUNT(*) FROM sharing_duty_period").query(Long.class).single() > 0
                || users.findByUsername("admin").isEmpty()) {
            return;
        }
        Caller admin = caller("admin");
        duty.declare(admin, "2026Q1", DutyPeriodType.QUARTER, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 10));
        duty.declare(admin, "2026Q2", DutyPeriodType.QUARTER, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 10));
        duty.declare(admin, "2026Q3", DutyPeriodType.QUARTER, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 10, 10));
        duty.declare(admin, "2026Q4", DutyPeriodType.QUARTER, LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 10));

        upload("team1", FolderKind.HIGHLIGHTS, "渠道走访记录.pdf", DemoFiles.pdf("Channel visit record - team1"));
        upload("team1", FolderKind.HIGHLIGHTS, "营业厅检查照片.png", DemoFiles.png(new Color(0xB71C1C), 320, 240));
        upload("team2", FolderKind.EXAM_REVIEW, "复习提纲.txt",
                DemoFiles.text("业务考试复习提纲\n一、监督职责定位\n二、监督清单\n三、问题线索移交\n"));
        upload("grid1", FolderKind.HIGHLIGHTS, "网格巡查照片.png", DemoFiles.png(new Color(0x1565C0), 320, 240));
        upload("inspector1", FolderKind.EXAM_REVIEW, "廉洁风险防控要点.pdf", DemoFiles.pdf("Integrity risk points"));
        Folder q4 = folders.liveInSpace(spaceOf("inspector1")).stream().filter(f -> "2026Q4".equals(f.name()))
                .findFirst().orElseThrow();
        sharing.upload(caller("inspector1"), q4.id(), "2026年第四季度履职材料.pdf",
                DemoFiles.pdf("Duty materials 2026Q4").length,
                new ByteArrayInputStream(DemoFiles.pdf("Duty materials 2026Q4")));

        byte[] course = DemoFiles.pdf("Supervision training 2026");
        publisher.publish(admin, "2026年监督业务培训课件.pdf", course.length, new ByteArrayInputStream(course),
                FolderKind.TRAINING_COURSES, spaces.all().stream().map(Space::id).toList());
    }

    private void upload(String username, FolderKind kind, String name, byte[] bytes) {
        Folder f = folders.standard(spaceOf(username), kind.name()).orElseThrow();
        sharing.upload(caller(username), f.id(), name, bytes.length, new ByteArrayInputStream(bytes));
    }

    private long spaceOf(String username) {
        return caller(username).memberOf().iterator().next();
    }

    private Caller caller(String username) {
        UserView u = users.findByUsername(username).orElseThrow();
        return spaces.caller(users.principal(u.id()).orElseThrow());
    }
}
