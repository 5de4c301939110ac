package cn.jiandu.training.domain;

import cn.jiandu.files.FileStore;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.notification.NotificationRequested;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.Upload;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.sharing.FolderKind;
import cn.jiandu.sharing.SharedPublishing;
import cn.jiandu.training.CaseKind;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What publishing a case does besides its status: every supervisor is told through the inbox, and an excellent
 * case goes into every space's 工作亮点 as a text document (the case itself) plus its evidence files, through the
 * sharing module's facade, inside the same transaction (a refused placement leaves the case unpublished).
 */
@Component
class CasePublishing {

    private final SharedPublishing sharing;
    private final FileStore store;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final ApplicationEventPublisher events;

    CasePublishing(SharedPublishing sharing, FileStore store, UserDirectory users, OrgDirectory org,
            ApplicationEventPublisher events) {
        this.sharing = sharing;
        this.store = store;
        this.users = users;
        this.org = org;
        this.events = events;
    }

    void published(JianduPrincipal publisher, TrainingCase c, List<CaseRepository.FileRow> files) {
        Set<Long> supervisors = new LinkedHashSet<>();
        for (Role r : Role.values()) {
            if (r.isSupervisor()) {
                users.withRole(r).forEach(u -> supervisors.add(u.id()));
            }
        }
        if (!supervisors.isEmpty()) {
            events.publishEvent(new NotificationRequested(List.copyOf(supervisors),
                    c.kind() == CaseKind.EXCELLENT ? "case.notify.published" : "case.notify.publishedWarning",
                    List.of(c.text().title()), "/cases/" + c.id()));
        }
        if (c.kind() != CaseKind.EXCELLENT) {
            return;
        }
        String base = "优秀案例-" + safe(c.text().title());
        sharing.publishToEverySpace(publisher, FolderKind.HIGHLIGHTS,
                Upload.ofBytes(base + ".txt", "text/plain", document(c).getBytes(StandardCharsets.UTF_8)));
        for (CaseRepository.FileRow f : files) {
            sharing.publishToEverySpace(publisher, FolderKind.HIGHLIGHTS, new Upload(base + "-" + safe(f.name()),
                    f.contentType(), f.size(), () -> store.open(f.blobId()).getInputStream()));
        }
    }

    /** The case as the shared text document. */
    String document(TrainingCase c) {
        String author = users.find(c.authorId()).map(UserView::displayName).orElse("");
        String unit = org.find(c.unitId()).map(OrgUnitView::name).orElse("");
        return "【优秀案例】" + c.text().title() + "\n"
                + "单位：" + unit + "　报送人：" + author + "　季度：" + (c.quarter() == null ? "" : c.quarter()) + "\n\n"
                + "一、案例背景\n" + c.text().background() + "\n\n"
                + "二、发现问题\n" + c.text().finding() + "\n\n"
                + "三、处理情况\n" + c.text().handling() + "\n\n"
                + "四、工作成效\n" + c.text().effect() + "\n";
    }

    /** A name the sharing platform accepts: no path separators, dots runs or control characters, bounded. */
    static String safe(String name) {
        String n = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").replace("..", "_").strip();
        return n.length() > 60 ? n.substring(0, 60) : n;
    }
}
