package cn.jiandu.assessment.domain;

import cn.jiandu.assessment.AssessmentPermissions;
import cn.jiandu.assessment.BulletinStatus;
import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.ledger.LedgerPeriod;
import cn.jiandu.notification.NotificationRequested;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.Upload;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.sharing.FolderKind;
import cn.jiandu.sharing.SharedPublishing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 季通报: the office drafts a quarter's bulletin once the quarter has ended (figures gathered by
 * {@link BulletinDrafter}, the text fields drafted from them), edits the text (saving refreshes the figures),
 * downloads the .docx rendered into the current template, and publishes: every supervisor is notified and the
 * document is placed into every sharing space's 工作亮点. A published bulletin never changes; a later edition of the
 * quarter may be drafted.
 */
@Service
public class Bulletins {

    /** The text fields the office edits. */
    public record Text(String title, String intro, String issues, String requirements) {
    }

    private final BulletinRepository repo;
    private final BulletinDrafter drafter;
    private final UserDirectory users;
    private final SharedPublishing sharing;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Bulletins(BulletinRepository repo, BulletinDrafter drafter, UserDirectory users, SharedPublishing sharing,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.drafter = drafter;
        this.users = users;
        this.sharing = sharing;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Bulletin draft(String quarter, JianduPrincipal me) {
        LedgerPeriod q = quarter(quarter);
        if (!q.endedBy(LocalDate.now(clock))) {
            throw Refusal.conflict("assessment.bulletin.error.notEnded", q.code());
        }
        if (repo.draftExists(q.code())) {
            throw Refusal.conflict("assessment.bulletin.error.draftExists", q.code());
        }
        BulletinFigures f = drafter.draft(q);
        long id = repo.insert(q.code(), f, title(q), intro(f), issues(f), requirements(), me.id(), clock.instant());
        audit.record("assessment.bulletin.draft", "assessment_bulletin", id, Outcome.SUCCESS, q.code());
        return repo.find(id).orElseThrow();
    }

    /** Drafts for the office and leaders, published ones for everyone who reads assessments; 404 otherwise. */
    public Bulletin readable(long id, JianduPrincipal me) {
        Bulletin b = repo.find(id).orElseThrow(Refusal::notFound);
        if (b.status() == BulletinStatus.DRAFT && !seesDrafts(me)) {
            throw Refusal.notFound();
        }
        return b;
    }

    public List<Bulletin> list(JianduPrincipal me) {
        return repo.list(seesDrafts(me));
    }

    /** Saves the text fields (blank ones keep their text) and refreshes the figures from the sources. */
    @Transactional
    public Bulletin edit(long id, Text text, JianduPrincipal me) {
        Bulletin b = readable(id, me);
        b.checkDraft();
        String title = field(text.title(), b.title(), "title", 200);
        String intro = field(text.intro(), b.intro(), "intro", 4000);
        String issues = field(text.issues(), b.issues(), "issues", 8000);
        String requirements = field(text.requirements(), b.requirements(), "requirements", 8000);
        repo.update(id, drafter.draft(quarter(b.quarter())), title, intro, issues, requirements, clock.instant());
        audit.record("assessment.bulletin.edit", "assessment_bulletin", id, Outcome.SUCCESS, b.quarter());
        return repo.find(id).orElseThrow();
    }

    public byte[] document(Bulletin b) {
        LocalDate issued = b.publishedAt() != null ? LocalDate.ofInstant(b.publishedAt(), clock.getZone())
                : LocalDate.now(clock);
        return BulletinDocument.render(template(), b, issued);
    }

    public static String filename(Bulletin b) {
        return b.quarter() + "-季通报" + (b.edition() > 1 ? "-" + b.edition() : "") + ".docx";
    }

    @Transactional
    public Bulletin publish(long id, JianduPrincipal me) {
        Bulletin b = readable(id, me);
        b.checkDraft();
        Instant now = clock.instant();
        repo.published(id, me.id(), now);
        Bulletin published = repo.find(id).orElseThrow();
        sharing.publishToEverySpace(me, FolderKind.HIGHLIGHTS, Upload.ofBytes(filename(published),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", document(published)));
        Set<Long> supervisors = new LinkedHashSet<>();
        BulletinDrafter.TYPES.forEach(t -> users.withRole(t).stream().map(UserView::id).forEach(supervisors::add));
        if (!supervisors.isEmpty()) {
            events.publishEvent(new NotificationRequested(List.copyOf(supervisors), "assessment.notify.bulletin",
                    List.of(b.quarter()), "/assessment/bulletins/" + id));
        }
        audit.record("assessment.bulletin.publish", "assessment_bulletin", id, Outcome.SUCCESS, b.quarter());
        return published;
    }

    /** The office replaces the template: a Word document holding every tag, or 400 listing the missing ones. */
    @Transactional
    public void replaceTemplate(String filename, byte[] content, JianduPrincipal me) {
        if (content == null || content.length == 0) {
            throw Refusal.invalidField("file", "error.required");
        }
        Set<String> missing = BulletinDocument.missingTags(content);
        if (!missing.isEmpty()) {
            throw Refusal.invalidField("file", "assessment.bulletin.error.tagsMissing", String.join(", ", missing));
        }
        repo.putTemplate(content, filename == null ? "template.docx" : filename, me.id(), clock.instant());
        audit.record("assessment.bulletin.template", "assessment_bulletin_template", filename, Outcome.SUCCESS,
                content.length + " bytes");
    }

    public byte[] template() {
        return repo.template().orElseGet(Bulletins::builtInTemplate);
    }

    static byte[] builtInTemplate() {
        try (InputStream in = Bulletins.class.getResourceAsStream("/assessment/bulletin-template.docx")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean seesDrafts(JianduPrincipal me) {
        return me.can(AssessmentPermissions.BULLETIN) || me.can(AssessmentPermissions.READ_ALL);
    }

    private static LedgerPeriod quarter(String code) {
        if (code == null || code.isBlank()) {
            throw Refusal.invalidField("quarter", "error.required");
        }
        LedgerPeriod q = LedgerPeriod.parse(code.strip(), "quarter");
        if (q.granularity() != LedgerPeriod.Granularity.QUARTER) {
            throw Refusal.invalidField("quarter", "assessment.bulletin.error.quarter");
        }
        return q;
    }

    private static String field(String typed, String kept, String name, int max) {
        if (typed == null || typed.isBlank()) {
            return kept;
        }
        if (typed.length() > max) {
            throw Refusal.invalidField(name, "assessment.admonition.error.tooLong", max);
        }
        return typed.strip();
    }

    private static String title(LedgerPeriod q) {
        return q.from().getYear() + "年第" + "一二三四".charAt((q.from().getMonthValue() - 1) / 3)
                + "季度监督员履职情况通报";
    }

    private static String intro(BulletinFigures f) {
        return "现将" + f.quarter() + "全体 " + f.supervisors() + " 名监督员履职情况通报如下。";
    }

    /** Drafted from the figures; the office rewrites it. */
    private static String issues(BulletinFigures f) {
        StringBuilder s = new StringBuilder();
        if (f.overdue() > 0) {
            s.append("一是整改时效有待提高，本季度超期问题 ").append(f.overdue()).append(" 件。");
        }
        if (f.onTimeRate() != null && f.onTimeRate() < 1) {
            s.append(s.isEmpty() ? "一是" : "二是").append("部分监督员履职材料未按时反馈，按时反馈率 ")
                    .append(BulletinDocument.percent(f.onTimeRate())).append("。");
        }
        if (f.attendanceRate() != null && f.attendanceRate() < 1) {
            s.append("部分监督员未按要求参加培训，参训率 ").append(BulletinDocument.percent(f.attendanceRate()))
                    .append("。");
        }
        return s.isEmpty() ? "本季度未发现突出问题。" : s.toString();
    }

    private static String requirements() {
        return "各党支部、各职能部门要压实监督责任，督促监督员按月反馈履职材料，对超期问题逐件跟踪销号，"
                + "按时参加季度专题业务培训，持续提升发现问题、推动整改的能力。";
    }
}
