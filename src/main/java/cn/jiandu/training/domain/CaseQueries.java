package cn.jiandu.training.domain;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgSql;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.problem.ClosedProblems;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.paging.Cursor;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.training.CaseKind;
import cn.jiandu.training.CaseStatus;
import cn.jiandu.training.TrainingPermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The case library and the review queue (visibility in SQL), and one case as its reader may see it. */
@Service
public class CaseQueries {

    /** Filters of {@code GET /api/v1/cases}; all optional. {@code mine}: only the caller's own cases. */
    public record Filter(CaseStatus status, CaseKind kind, String quarter, Long unitId, String q, boolean mine) {
    }

    public record Row(long id, CaseKind kind, CaseStatus status, String title, long authorId, String author,
            long unitId, String unit, String quarter, Long meetingId, Instant submittedAt, Instant publishedAt) {
    }

    public record FileView(long id, String name, long size, String contentType) {
    }

    public record Step(String action, String actor, String comment, Instant at) {
    }

    /**
     * @param problemIds      linked reports, only those the reader may read
     * @param sourceProblemId the report a warning-education case was drafted from, if the reader may read it
     * @param reviewComment   the office's comment, for the author and the office
     */
    public record View(Row row, String background, String finding, String handling, String effect,
            String categoryCode, List<Long> problemIds, Long sourceProblemId, String reviewComment,
            Instant reviewedAt, Instant selectedAt, List<FileView> files, List<Step> steps, boolean mayEdit,
            boolean mayReview) {
    }

    private final CaseRepository cases;
    private final ClosedProblems problems;
    private final UserDirectory users;
    private final OrgDirectory org;

    CaseQueries(CaseRepository cases, ClosedProblems problems, UserDirectory users, OrgDirectory org) {
        this.cases = cases;
        this.problems = problems;
        this.users = users;
        this.org = org;
    }

    public CursorPage<Row> list(JianduPrincipal me, Filter f, String cursor, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (f.mine() || (!me.seesEverything() && !me.isSupervisor())) {
            where.add("author_id = :me");
        } else if (!me.seesEverything()) {
            where.add("(author_id = :me OR status = 'PUBLISHED')");
        }
        params.put("me", me.id());
        if (f.status() != null) {
            where.add("status = :status");
            params.put("status", f.status().name());
        }
        if (f.kind() != null) {
            where.add("kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.quarter() != null) {
            if (!Quarters.valid(f.quarter())) {
                throw Refusal.invalidField("quarter", "case.error.quarter");
            }
            where.add("quarter = :quarter");
            params.put("quarter", f.quarter());
        }
        if (f.unitId() != null) {
            OrgUnitView u = org.find(f.unitId()).orElseThrow(() -> Refusal.invalidField("unitId", "error.invalidValue"));
            where.add("unit_id IN (" + OrgSql.subtreeAtPath(":path") + ")");
            params.put("path", u.path());
        }
        if (f.q() != null && !f.q().isBlank()) {
            String like = "%" + f.q().strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%";
            where.add("(LOWER(title) LIKE :q ESCAPE '!' OR LOWER(background) LIKE :q ESCAPE '!'"
                    + " OR LOWER(finding) LIKE :q ESCAPE '!' OR LOWER(handling) LIKE :q ESCAPE '!'"
                    + " OR LOWER(effect) LIKE :q ESCAPE '!')");
            params.put("q", like);
        }
        if (cursor != null && !cursor.isBlank()) {
            where.add("id < :cursor");
            params.put("cursor", Cursor.decodeLong(cursor));
        }
        List<TrainingCase> found = cases.query(where.isEmpty() ? "1 = 1" : String.join(" AND ", where), params,
                size + 1);
        return CursorPage.of(rows(found), size, r -> Cursor.encode(r.id()));
    }

    public View view(JianduPrincipal me, TrainingCase c) {
        boolean office = me.can(TrainingPermissions.CASES_REVIEW);
        boolean author = c.authorId() == me.id();
        Row row = rows(List.of(c)).get(0);
        List<Long> linked = cases.problems(c.id()).stream().filter(p -> problems.mayRead(me, p)).toList();
        Long source = c.sourceProblemId() != null && problems.mayRead(me, c.sourceProblemId())
                ? c.sourceProblemId() : null;
        List<FileView> files = cases.files(c.id()).stream()
                .map(f -> new FileView(f.id(), f.name(), f.size(), f.contentType())).toList();
        List<Step> steps = List.of();
        if (office || author) {
            List<CaseRepository.StepRow> s = cases.steps(c.id());
            Map<Long, String> names = users.displayNames(s.stream().map(CaseRepository.StepRow::actorId).toList());
            steps = s.stream().map(x -> new Step(x.action(), names.get(x.actorId()), x.comment(), x.occurredAt()))
                    .toList();
        }
        boolean mayEdit = (author && c.status() == CaseStatus.RETURNED)
                || (office && (c.status() == CaseStatus.SUBMITTED || c.status() == CaseStatus.ACCEPTED));
        boolean mayReview = office && (c.status() == CaseStatus.SUBMITTED || c.status() == CaseStatus.ACCEPTED);
        return new View(row, c.text().background(), c.text().finding(), c.text().handling(), c.text().effect(),
                c.categoryCode(), linked, source, office || author ? c.reviewComment() : null, c.reviewedAt(),
                c.selectedAt(), files, steps, mayEdit, mayReview);
    }

    public CaseRepository.FileRow file(TrainingCase c, long fileId) {
        return cases.file(c.id(), fileId).orElseThrow(Refusal::notFound);
    }

    private List<Row> rows(List<TrainingCase> found) {
        Map<Long, String> names = users.displayNames(found.stream().map(TrainingCase::authorId).toList());
        Map<Long, String> units = new HashMap<>();
        for (TrainingCase c : found) {
            units.computeIfAbsent(c.unitId(), u -> org.find(u).map(OrgUnitView::name).orElse(null));
        }
        return found.stream().map(c -> new Row(c.id(), c.kind(), c.status(), c.text().title(), c.authorId(),
                names.get(c.authorId()), c.unitId(), units.get(c.unitId()), c.quarter(), c.meetingId(),
                c.submittedAt(), c.publishedAt())).toList();
    }
}
