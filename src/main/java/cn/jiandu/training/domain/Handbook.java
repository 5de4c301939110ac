package cn.jiandu.training.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.training.TrainingPermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 监督一本通: chapters in Markdown, edited by the admin as drafts (a copy of the published version), published as
 * numbered versions that are kept and stay readable. A draft whose base is older than the current version must be
 * rebased (saved again naming the current version) before it can be published. Publishing renders each chapter
 * safely once and reads the 监督清单 items out of the checklist chapter.
 */
@Service
public class Handbook {

    /** The chapter that holds the 监督清单. */
    public static final String CHECKLIST = "CHECKLIST";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    public record Chapter(String code, String title, String markdown, String html) {
    }

    public record Version(int version, Instant publishedAt, long publishedBy, List<Chapter> chapters) {
    }

    public record VersionInfo(int version, Instant publishedAt, long publishedBy) {
    }

    public record Draft(long id, Integer baseVersion, Integer publishedVersion, Instant updatedAt,
            List<Chapter> chapters) {
    }

    public record ChapterInput(String code, String title, String markdown) {
    }

    public record Hit(int version, String code, String title, String snippet) {
    }

    public record ChecklistItem(Role type, String item, String frequency) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Handbook(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- published

    public Optional<Integer> currentVersion() {
        int v = jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM handbook_version").query(Integer.class).single();
        return v == 0 ? Optional.empty() : Optional.of(v);
    }

    public Version current() {
        return version(currentVersion().orElseThrow(Refusal::notFound));
    }

    public Version version(int n) {
        VersionInfo info = jdbc.sql("SELECT * FROM handbook_version WHERE version = :v").param("v", n)
                .query((rs, i) -> new VersionInfo(rs.getInt("version"), Db.instant(rs, "published_at"),
                        rs.getLong("published_by"))).optional().orElseThrow(Refusal::notFound);
        List<Chapter> chapters = jdbc.sql("""
                SELECT code, title, markdown, html FROM handbook_chapter WHERE version = :v ORDER BY sort_order""")
                .param("v", n).query((rs, i) -> new Chapter(rs.getString("code"), rs.getString("title"),
                        rs.getString("markdown"), rs.getString("html"))).list();
        return new Version(info.version(), info.publishedAt(), info.publishedBy(), chapters);
    }

    public List<VersionInfo> versions() {
        return jdbc.sql("SELECT * FROM handbook_version ORDER BY version DESC")
                .query((rs, i) -> new VersionInfo(rs.getInt("version"), Db.instant(rs, "published_at"),
                        rs.getLong("published_by"))).list();
    }

    /** Chapters of the published version whose title or text contains every word of {@code q}. */
    public List<Hit> search(String q) {
        String query = q == null ? "" : q.strip();
        if (query.isEmpty()) {
            return List.of();
        }
        if (query.length() > 100) {
            throw Refusal.invalidField("q", "handbook.error.query");
        }
        Optional<Integer> v = currentVersion();
        if (v.isEmpty()) {
            return List.of();
        }
        List<String> words = List.of(query.toLowerCase(Locale.ROOT).split("\\s+"));
        StringBuilder sql = new StringBuilder("SELECT code, title, plain FROM handbook_chapter WHERE version = :v");
        var params = new java.util.LinkedHashMap<String, Object>();
        params.put("v", v.get());
        for (int i = 0; i < words.size(); i++) {
            sql.append(" AND (LOWER(title) LIKE :w").append(i).append(" ESCAPE '\\' OR LOWER(plain) LIKE :w")
                    .append(i).append(" ESCAPE '\\')");
            params.put("w" + i, "%" + words.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%");
        }
        sql.append(" ORDER BY sort_order");
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> new Hit(v.get(), rs.getString("code"),
                rs.getString("title"), snippet(rs.getString("plain"), words.get(0)))).list();
    }

    static String snippet(String plain, String word) {
        int at = plain.toLowerCase(Locale.ROOT).indexOf(word);
        if (at < 0) {
            return plain.substring(0, Math.min(plain.length(), 80));
        }
        int from = Math.max(0, at - 30);
        int to = Math.min(plain.length(), at + word.length() + 50);
        return (from > 0 ? "…" : "") + plain.substring(from, to) + (to < plain.length() ? "…" : "");
    }

    /** The 监督清单 of the published version, for one supervisor type or all. */
    public List<ChecklistItem> checklist(Role type) {
        Optional<Integer> v = currentVersion();
        if (v.isEmpty()) {
            return List.of();
        }
        var spec = jdbc.sql("SELECT type, item, frequency FROM handbook_checklist_item WHERE version = :v"
                + (type == null ? "" : " AND type = :t") + " ORDER BY type, sort_order").param("v", v.get());
        if (type != null) {
            spec = spec.param("t", type.name());
        }
        return spec.query((rs, i) -> new ChecklistItem(Role.valueOf(rs.getString("type")), rs.getString("item"),
                        rs.getString("frequency"))).list();
    }

    // ---------------------------------------------------------------- drafts

    private void requireEditor(JianduPrincipal me) {
        if (!me.can(TrainingPermissions.HANDBOOK_EDIT)) {
            throw Refusal.forbidden();
        }
    }

    /** A new draft, a copy of the published version (or empty before the first). */
    @Transactional
    public Draft newDraft(JianduPrincipal me) {
        return newDraft(me, null);
    }

    /** A new draft; {@code expectedBase}, if given, must be the current version. */
    @Transactional
    public Draft newDraft(JianduPrincipal me, Integer expectedBase) {
        requireEditor(me);
        Optional<Integer> base = currentVersion();
        if (expectedBase != null && !expectedBase.equals(base.orElse(null))) {
            throw Refusal.invalidField("baseVersion", "handbook.error.rebase");
        }
        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO handbook_draft (base_version, created_by, created_at, updated_at)
                VALUES (:b, :me, :now, :now)""").param("b", base.orElse(null)).param("me", me.id())
                .param("now", Db.ts(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        if (base.isPresent()) {
            jdbc.sql("""
                    INSERT INTO handbook_draft_chapter (draft_id, code, sort_order, title, markdown)
                    SELECT :d, code, sort_order, title, markdown FROM handbook_chapter WHERE version = :v""")
                    .param("d", id).param("v", base.get()).update();
        }
        audit.record("handbook.draft.create", "handbook_draft", id, Outcome.SUCCESS, "base=" + base.orElse(null));
        return draft(me, id);
    }

    public Draft draft(JianduPrincipal me, long id) {
        requireEditor(me);
        var head = jdbc.sql("SELECT * FROM handbook_draft WHERE id = :id").param("id", id)
                .query((rs, i) -> new Draft(rs.getLong("id"), (Integer) rs.getObject("base_version"),
                        (Integer) rs.getObject("published_version"), Db.instant(rs, "updated_at"), List.of()))
                .optional().orElseThrow(Refusal::notFound);
        List<Chapter> chapters = jdbc.sql("""
                SELECT code, title, markdown FROM handbook_draft_chapter WHERE draft_id = :d ORDER BY sort_order""")
                .param("d", id).query((rs, i) -> new Chapter(rs.getString("code"), rs.getString("title"),
                        rs.getString("markdown"), null)).list();
        return new Draft(head.id(), head.baseVersion(), head.publishedVersion(), head.updatedAt(), chapters);
    }

    public List<Draft> openDrafts(JianduPrincipal me) {
        requireEditor(me);
        return jdbc.sql("SELECT id FROM handbook_draft WHERE published_version IS NULL ORDER BY id DESC")
                .query(Long.class).list().stream().map(id -> draft(me, id)).toList();
    }

    /**
     * Replaces the draft's chapters. {@code rebaseOnto} set to the current version rebases the draft: its author
     * says he has taken in what that version changed.
     */
    @Transactional
    public Draft save(JianduPrincipal me, long id, List<ChapterInput> chapters, Integer rebaseOnto) {
        Draft d = draft(me, id);
        if (d.publishedVersion() != null) {
            throw Refusal.conflict("handbook.error.published");
        }
        if (chapters == null || chapters.isEmpty()) {
            throw Refusal.invalidField("chapters", "handbook.error.chapters");
        }
        List<Refusal.FieldError> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < chapters.size(); i++) {
            ChapterInput c = chapters.get(i);
            if (c == null || c.code() == null || !CODE.matcher(c.code()).matches() || !codes.add(c.code())) {
                errors.add(new Refusal.FieldError("chapters[" + i + "].code", "handbook.error.code"));
            }
            if (c == null || c.title() == null || c.title().isBlank() || c.title().strip().length() > 200) {
                errors.add(new Refusal.FieldError("chapters[" + i + "].title", "handbook.error.title"));
            }
            if (c != null && c.markdown() != null && c.markdown().length() > 100_000) {
                errors.add(new Refusal.FieldError("chapters[" + i + "].markdown", "handbook.error.markdown"));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalidFields(errors);
        }
        Integer base = d.baseVersion();
        if (rebaseOnto != null && !rebaseOnto.equals(d.baseVersion())) {
            if (!rebaseOnto.equals(currentVersion().orElse(null))) {
                throw Refusal.invalidField("baseVersion", "handbook.error.rebase");
            }
            base = rebaseOnto;
        }
        jdbc.sql("DELETE FROM handbook_draft_chapter WHERE draft_id = :d").param("d", id).update();
        for (int i = 0; i < chapters.size(); i++) {
            ChapterInput c = chapters.get(i);
            jdbc.sql("""
                    INSERT INTO handbook_draft_chapter (draft_id, code, sort_order, title, markdown)
                    VALUES (:d, :c, :o, :t, :m)""").param("d", id).param("c", c.code()).param("o", i)
                    .param("t", c.title().strip()).param("m", c.markdown() == null ? "" : c.markdown()).update();
        }
        jdbc.sql("UPDATE handbook_draft SET base_version = :b, updated_at = :now WHERE id = :d")
                .param("b", base).param("now", Db.ts(clock.instant())).param("d", id).update();
        audit.record("handbook.draft.save", "handbook_draft", id, Outcome.SUCCESS, "chapters=" + chapters.size());
        return draft(me, id);
    }

    /** Publishes the draft as the next version; 409 when it is based on an older version than the current one. */
    @Transactional
    public Version publish(JianduPrincipal me, long id) {
        Draft d = draft(me, id);
        if (d.publishedVersion() != null) {
            throw Refusal.conflict("handbook.error.published");
        }
        Integer current = currentVersion().orElse(null);
        if (current != null && !current.equals(d.baseVersion())) {
            throw Refusal.conflict("handbook.error.stale", d.baseVersion(), current);
        }
        if (d.chapters().isEmpty()) {
            throw Refusal.invalidField("chapters", "handbook.error.chapters");
        }
        int next = current == null ? 1 : current + 1;
        try {
            jdbc.sql("""
                    INSERT INTO handbook_version (version, published_at, published_by, draft_id)
                    VALUES (:v, :now, :me, :d)""").param("v", next).param("now", Db.ts(clock.instant()))
                    .param("me", me.id()).param("d", id).update();
        } catch (DuplicateKeyException raced) {
            throw Refusal.conflict("handbook.error.stale", d.baseVersion(), next);
        }
        int order = 0;
        for (Chapter c : d.chapters()) {
            jdbc.sql("""
                    INSERT INTO handbook_chapter (version, code, sort_order, title, markdown, html, plain)
                    VALUES (:v, :c, :o, :t, :m, :h, :p)""").param("v", next).param("c", c.code())
                    .param("o", order++).param("t", c.title()).param("m", c.markdown())
                    .param("h", SafeMarkdown.html(c.markdown())).param("p", SafeMarkdown.plain(c.markdown()))
                    .update();
            if (CHECKLIST.equals(c.code())) {
                writeChecklist(next, c.markdown());
            }
        }
        jdbc.sql("UPDATE handbook_draft SET published_version = :v WHERE id = :d").param("v", next).param("d", id)
                .update();
        audit.record("handbook.publish", "handbook_version", next, Outcome.SUCCESS, "draft=" + id);
        return version(next);
    }

    /**
     * The 监督清单 items: under a heading naming a supervisor type ({@code ## 网格监督员}), each list item
     * {@code - what to check | how often}.
     */
    static List<ChecklistItem> parseChecklist(String markdown) {
        List<ChecklistItem> items = new ArrayList<>();
        Role type = null;
        for (String raw : (markdown == null ? "" : markdown).split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                String h = line.replaceFirst("^#+", "").strip();
                type = h.contains("支部纪检委员") || h.contains("BRANCH_INSPECTOR") ? Role.BRANCH_INSPECTOR
                        : h.contains("班组监督员") || h.contains("TEAM_SUPERVISOR") ? Role.TEAM_SUPERVISOR
                        : h.contains("网格监督员") || h.contains("GRID_SUPERVISOR") ? Role.GRID_SUPERVISOR : null;
            } else if (type != null && (line.startsWith("- ") || line.startsWith("* "))) {
                String body = line.substring(2).strip();
                String[] parts = body.split("[|｜]", 2);
                String item = parts[0].strip();
                if (!item.isEmpty()) {
                    items.add(new ChecklistItem(type, item.length() > 500 ? item.substring(0, 500) : item,
                            parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : null));
                }
            }
        }
        return items;
    }

    private void writeChecklist(int version, String markdown) {
        int order = 0;
        for (ChecklistItem i : parseChecklist(markdown)) {
            jdbc.sql("""
                    INSERT INTO handbook_checklist_item (version, type, sort_order, item, frequency)
                    VALUES (:v, :t, :o, :i, :f)""").param("v", version).param("t", i.type().name())
                    .param("o", order++).param("i", i.item()).param("f", i.frequency()).update();
        }
    }
}
