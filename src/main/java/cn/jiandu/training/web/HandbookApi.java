package cn.jiandu.training.web;

import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.training.domain.Handbook;
import cn.jiandu.training.domain.TextDiff;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/handbook")
@Tag(name = "handbook", description = "监督一本通")
class HandbookApi {

    record Chapter(String code, String title, String markdown, String html) {
    }

    record Published(int version, OffsetDateTime publishedAt, List<Chapter> chapters) {

        static Published of(Handbook.Version v) {
            return new Published(v.version(), Json.odt(v.publishedAt()), v.chapters().stream()
                    .map(c -> new Chapter(c.code(), c.title(), c.markdown(), c.html())).toList());
        }
    }

    record VersionRow(int version, OffsetDateTime publishedAt, String publishedById) {
    }

    record DraftChapter(String code, String title, String markdown) {
    }

    record Draft(String id, Integer baseVersion, Integer publishedVersion, OffsetDateTime updatedAt,
            List<DraftChapter> chapters) {

        static Draft of(Handbook.Draft d) {
            return new Draft(String.valueOf(d.id()), d.baseVersion(), d.publishedVersion(), Json.odt(d.updatedAt()),
                    d.chapters().stream().map(c -> new DraftChapter(c.code(), c.title(), c.markdown())).toList());
        }
    }

    /** {@code baseVersion}, if given, must be the current version (the copy's source). */
    record NewDraft(Integer baseVersion) {
    }

    record DraftForm(Integer baseVersion, List<DraftChapter> chapters) {
    }

    record ChapterDiff(String code, String title, String change, List<TextDiff.Line> lines) {
    }

    private final Handbook handbook;

    HandbookApi(Handbook handbook) {
        this.handbook = handbook;
    }

    @GetMapping
    Published current() {
        return Published.of(handbook.current());
    }

    @GetMapping("/versions")
    List<VersionRow> versions() {
        return handbook.versions().stream().map(v -> new VersionRow(v.version(), Json.odt(v.publishedAt()),
                String.valueOf(v.publishedBy()))).toList();
    }

    @GetMapping("/versions/{n}")
    Published version(@PathVariable int n) {
        return Published.of(handbook.version(n));
    }

    /** What changed from version {@code from} to version {@code to}, chapter by chapter, line by line. */
    @GetMapping("/diff")
    List<ChapterDiff> diff(@RequestParam int from, @RequestParam int to) {
        return diff(handbook.version(from), handbook.version(to));
    }

    static List<ChapterDiff> diff(Handbook.Version a, Handbook.Version b) {
        Map<String, Handbook.Chapter> before = new LinkedHashMap<>();
        a.chapters().forEach(c -> before.put(c.code(), c));
        List<ChapterDiff> out = new ArrayList<>();
        for (Handbook.Chapter c : b.chapters()) {
            Handbook.Chapter old = before.remove(c.code());
            if (old == null) {
                out.add(new ChapterDiff(c.code(), c.title(), "ADDED", TextDiff.lines("", c.markdown())));
            } else {
                List<TextDiff.Line> lines = TextDiff.lines(old.title() + "\n" + old.markdown(),
                        c.title() + "\n" + c.markdown());
                out.add(new ChapterDiff(c.code(), c.title(), TextDiff.changed(lines) ? "CHANGED" : "SAME", lines));
            }
        }
        before.values().forEach(c -> out.add(new ChapterDiff(c.code(), c.title(), "REMOVED",
                TextDiff.lines(c.markdown(), ""))));
        return out;
    }

    @GetMapping("/search")
    List<Handbook.Hit> search(@RequestParam(required = false) String q) {
        return handbook.search(q);
    }

    @GetMapping("/checklist")
    List<Handbook.ChecklistItem> checklist(@RequestParam(required = false) Role type) {
        return handbook.checklist(type);
    }

    @GetMapping("/drafts")
    @PreAuthorize("hasAuthority('handbook:edit')")
    List<Draft> drafts(JianduPrincipal me) {
        return handbook.openDrafts(me).stream().map(Draft::of).toList();
    }

    @PostMapping("/drafts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('handbook:edit')")
    Draft newDraft(JianduPrincipal me, @RequestBody(required = false) NewDraft body) {
        return Draft.of(handbook.newDraft(me, body == null ? null : body.baseVersion()));
    }

    @GetMapping("/drafts/{id}")
    @PreAuthorize("hasAuthority('handbook:edit')")
    Draft draft(JianduPrincipal me, @PathVariable long id) {
        return Draft.of(handbook.draft(me, id));
    }

    @PutMapping("/drafts/{id}")
    @PreAuthorize("hasAuthority('handbook:edit')")
    Draft save(JianduPrincipal me, @PathVariable long id, @RequestBody DraftForm body) {
        return Draft.of(handbook.save(me, id, body.chapters() == null ? null : body.chapters().stream()
                .map(c -> c == null ? null : new Handbook.ChapterInput(c.code(), c.title(), c.markdown())).toList(),
                body.baseVersion()));
    }

    @PostMapping("/drafts/{id}/publish")
    @PreAuthorize("hasAuthority('handbook:edit')")
    Published publish(JianduPrincipal me, @PathVariable long id) {
        return Published.of(handbook.publish(me, id));
    }
}
