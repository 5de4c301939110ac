package cn.jiandu.problem.domain;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgSql;
import cn.jiandu.problem.ProblemAction;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.Rating;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.paging.Cursor;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.time.ClockConfig;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The read side: lists (keyset on id), details and the export stream, each limited by {@link Visibility}. */
@Service
@Transactional(readOnly = true)
public class ProblemQueries {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final ProblemRepository problems;
    private final Visibility visibility;
    private final WarningPolicy warnings;
    private final CategoryRepository categories;
    private final OrgDirectory org;
    private final UserDirectory users;
    private final PhotoService photos;
    private final ReportPositions positions;

    ProblemQueries(JdbcClient jdbc, DataSource dataSource, ProblemRepository problems, Visibility visibility,
            WarningPolicy warnings, CategoryRepository categories, OrgDirectory org, UserDirectory users,
            PhotoService photos, ReportPositions positions) {
        this.positions = positions;
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(500);
        this.streaming = new NamedParameterJdbcTemplate(template);
        this.problems = problems;
        this.visibility = visibility;
        this.warnings = warnings;
        this.categories = categories;
        this.org = org;
        this.users = users;
        this.photos = photos;
    }

    /** The report if the caller may read it, else 404. */
    public Problem visible(JianduPrincipal me, long id) {
        Visibility.Scope scope = visibility.of(me);
        return jdbc.sql("SELECT " + ProblemRepository.COLUMNS + " FROM problem p WHERE p.id = :id AND " + scope.sql())
                .param("id", id).params(scope.params()).query(ProblemRepository.MAPPER).optional()
                .orElseThrow(Refusal::notFound);
    }

    /**
     * One page, newest first. Runs outside a transaction (no BEGIN/COMMIT round trips) and takes the unit and
     * category names and the filter unit's subtree from the same statement, so a page costs the calendar read and
     * the list query itself (plus the unit's existence check when the page is empty).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public CursorPage<ProblemSummary> list(JianduPrincipal me, ProblemFilter filter, int size, String cursor) {
        WarningPolicy.Boundaries b = warnings.now();
        Query q = where(me, filter, b);
        if (cursor != null && !cursor.isBlank()) {
            q.conditions.add("p.id < :cursorId");
            q.params.put("cursorId", Cursor.decodeLong(cursor));
        }
        List<ProblemSummary> items = jdbc.sql("SELECT " + ProblemRepository.COLUMNS + ", " + NAME_COLUMNS
                        + " FROM problem p WHERE " + String.join(" AND ", q.conditions) + " ORDER BY p.id DESC LIMIT "
                        + (size + 1))
                .params(q.params)
                .query((rs, i) -> summary(ProblemRepository.map(rs, i), me, b, Names.ofRow(rs))).list();
        if (items.isEmpty()) {
            requireKnownUnit(filter);
        }
        return CursorPage.of(items, size, s -> Cursor.encode(s.id()));
    }

    /** How many reports match, within what the caller may read (the home page's badges). */
    @Transactional(propagation = Propagation.SUPPORTS)
    public long count(JianduPrincipal me, ProblemFilter filter) {
        requireKnownUnit(filter);
        // the warning thresholds (a calendar read) only when the filter asks for a colour
        Query q = where(me, filter, filter.warning() == null ? null : warnings.now());
        return jdbc.sql("SELECT COUNT(*) FROM problem p WHERE " + String.join(" AND ", q.conditions))
                .params(q.params).query(Long.class).single();
    }

    /** Streams every matching report (newest first) to {@code sink} without holding them in memory. */
    public void stream(JianduPrincipal me, ProblemFilter filter, Consumer<ProblemSummary> sink) {
        requireKnownUnit(filter);
        WarningPolicy.Boundaries b = warnings.now();
        Query q = where(me, filter, b);
        Names names = names();
        streaming.query("SELECT " + ProblemRepository.COLUMNS + " FROM problem p WHERE "
                + String.join(" AND ", q.conditions) + " ORDER BY p.id DESC", q.params,
                rs -> {
                    sink.accept(summary(ProblemRepository.map(rs, 0), me, b, names));
                });
    }

    public ProblemDetail detail(JianduPrincipal me, long id) {
        return detail(me, visible(me, id));
    }

    /**
     * The report as it is after the caller's own action, even if that action took it out of his sight (a handler
     * returning or transferring it): he may see the result of what he just did, nothing more.
     */
    public ProblemDetail detailAfterAction(JianduPrincipal me, Problem acted) {
        return detail(me, problems.find(acted.id()).orElseThrow(Refusal::notFound));
    }

    private ProblemDetail detail(JianduPrincipal me, Problem p) {
        long id = p.id();
        WarningPolicy.Boundaries b = warnings.now();
        Names names = names();
        List<Step> steps = problems.steps(id);
        Map<Long, String> actorNames = users.displayNames(steps.stream()
                .filter(s -> s.side() != Actor.Side.REPORTER && s.actorId() != null).map(Step::actorId)
                .collect(Collectors.toSet()));
        Map<Long, Rating> grades = gradesOf(steps, p.rating());
        steps = ReaderView.timeline(me, p, steps);
        List<ProblemDetail.TimelineEntry> timeline = steps.stream().map(s -> new ProblemDetail.TimelineEntry(
                String.valueOf(s.id()), s.action(), s.side().name(),
                s.side() == Actor.Side.REPORTER ? null : actorNames.get(s.actorId()), s.comment(),
                s.handlingUnitId() == null ? null : names.unit(s.handlingUnitId()), odt(s.occurredAt()),
                grades.get(s.id()))).toList();
        List<ProblemDetail.Photo> photoList = photos.of(id).stream().map(ph -> new ProblemDetail.Photo(
                String.valueOf(ph.id()), ph.stepId() == null ? null : String.valueOf(ph.stepId()),
                "/api/v1/problems/" + id + "/photos/" + ph.id(),
                "/api/v1/problems/" + id + "/photos/" + ph.id() + "?size=thumb")).toList();
        boolean mine = p.reporterId() == me.id();
        return new ProblemDetail(String.valueOf(p.id()), p.number(), p.title(), p.description(), p.location(),
                p.categoryCode(), names.category(p.categoryCode()), String.valueOf(p.orgUnitId()),
                names.unit(p.orgUnitId()), p.status(), str(p.handlingUnitId()),
                p.handlingUnitId() == null ? null : names.unit(p.handlingUnitId()), p.anonymous(),
                odt(p.createdAt()), odt(p.dispatchedAt()), odt(p.acceptedAt()), odt(p.dueAt()), odt(p.repliedAt()),
                odt(p.closedAt()), p.closeReason(), p.rating(), p.ratingComment(), p.reopenCount(),
                p.extensionRequests(), p.pendingExtensionDays(), odt(ReaderView.transferProposedAt(me, p)),
                p.urgeCount(), b.of(p), mine,
                mine && p.status() == ProblemStatus.REPLIED, allowedActions(me, p), photoList, timeline,
                positions.readableBy(me, p).orElse(null));
    }

    /**
     * The grade of every RATE step: only 不满意 reopens a report, so a rating followed by REOPEN was 不满意 and the
     * last rating without one is the report's final grade.
     */
    static Map<Long, Rating> gradesOf(List<Step> steps, Rating last) {
        Map<Long, Rating> grades = new java.util.HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if ("RATE".equals(s.action()) && s.id() != null) {
                boolean reopened = i + 1 < steps.size() && "REOPEN".equals(steps.get(i + 1).action());
                Rating grade = reopened ? Rating.DISSATISFIED : last;
                if (grade != null) {
                    grades.put(s.id(), grade);
                }
            }
        }
        return grades;
    }

    /** What the caller may do now: the state allows it and his role does. */
    public static Set<ProblemAction> allowedActions(JianduPrincipal me, Problem p) {
        EnumSet<ProblemAction> result = EnumSet.noneOf(ProblemAction.class);
        for (ProblemAction a : p.actionsAllowedByState()) {
            if (Permissions.mayAct(me, p, a)) {
                result.add(a);
            }
        }
        return result;
    }

    /** 400 naming the field when the filter names an org unit that does not exist. */
    private void requireKnownUnit(ProblemFilter f) {
        if (f.orgUnitId() != null && org.find(f.orgUnitId()).isEmpty()) {
            throw Refusal.invalidField("orgUnitId", "problem.error.unknownOrgUnit");
        }
    }

    private Query where(JianduPrincipal me, ProblemFilter f, WarningPolicy.Boundaries b) {
        Query q = new Query();
        Visibility.Scope scope = visibility.of(me);
        q.conditions.add(scope.sql());
        q.params.putAll(scope.params());
        if (f.mine()) {
            q.conditions.add("p.reporter_id = :mineId");
            q.params.put("mineId", me.id());
        }
        if (f.assigned()) {
            q.conditions.add("p.handling_unit_id = :assignedUnit AND p.status <> 'TRANSFERRED'");
            q.params.put("assignedUnit", me.orgUnitId());
        }
        if (f.transferProposed()) {
            q.conditions.add("p.transfer_proposed_at IS NOT NULL");
            if (!me.seesEverything()) {
                // as ReaderView.seesTransferProposals: only the unit's handlers see its proposals
                q.conditions.add(me.has(Role.HANDLER) ? "p.handling_unit_id = :proposalUnit" : "1 = 0");
                q.params.put("proposalUnit", me.orgUnitId());
            }
        }
        if (f.open()) {
            q.conditions.add("p.status IN ('PENDING_DISPATCH', 'DISPATCHED', 'IN_PROGRESS')");
        }
        if (f.status() != null) {
            q.conditions.add("p.status = :status");
            q.params.put("status", f.status().name());
        }
        if (f.categoryCode() != null && !f.categoryCode().isBlank()) {
            q.conditions.add("p.category_code = :category");
            q.params.put("category", f.categoryCode());
        }
        if (f.orgUnitId() != null) {
            // the subtree by the unit's path, looked up in the same statement (a list page pays no extra round
            // trip); an unknown unit matches nothing, and the callers turn that into a 400 (requireKnownUnit)
            q.conditions.add("p.org_unit_id IN (" + OrgSql.subtreeOf(":orgUnitId") + ")");
            q.params.put("orgUnitId", f.orgUnitId());
        }
        if (f.warning() != null) {
            q.conditions.add(b.sql(f.warning()));
            q.params.putAll(b.params());
        }
        if (f.q() != null && !f.q().isBlank()) {
            q.conditions.add("(p.title LIKE :q ESCAPE '!' OR p.description LIKE :q ESCAPE '!' OR p.number LIKE :q ESCAPE '!'"
                    + " OR p.location LIKE :q ESCAPE '!')");
            q.params.put("q", "%" + f.q().strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (f.from() != null) {
            q.conditions.add("p.created_at >= :from");
            q.params.put("from", ProblemRepository.ts(f.from().atStartOfDay(ClockConfig.ZONE).toInstant()));
        }
        if (f.to() != null) {
            q.conditions.add("p.created_at < :to");
            q.params.put("to", ProblemRepository.ts(f.to().plusDays(1).atStartOfDay(ClockConfig.ZONE).toInstant()));
        }
        return q;
    }

    private ProblemSummary summary(Problem p, JianduPrincipal me, WarningPolicy.Boundaries b, Names names) {
        return new ProblemSummary(String.valueOf(p.id()), p.number(), p.title(), p.categoryCode(),
                names.category(p.categoryCode()), String.valueOf(p.orgUnitId()), names.unit(p.orgUnitId()),
                p.status(), str(p.handlingUnitId()), p.handlingUnitId() == null ? null : names.unit(p.handlingUnitId()),
                odt(p.createdAt()), odt(p.dueAt()), b.of(p), p.closeReason(), p.rating(), p.reporterId() == me.id());
    }

    Names names() {
        Map<Long, String> units = new HashMap<>();
        org.all().forEach(u -> units.put(u.id(), u.name()));
        Map<String, String> cats = new HashMap<>();
        categories.all().forEach(c -> cats.put(c.code(), c.name()));
        return new Names(units, cats);
    }

    /** The names a list row shows, looked up per returned row (a page has at most 101). */
    private static final String NAME_COLUMNS = OrgSql.nameOf("p.org_unit_id") + " AS org_unit_name, "
            + OrgSql.nameOf("p.handling_unit_id") + " AS handling_unit_name,"
            + " (SELECT c.name FROM problem_category c WHERE c.code = p.category_code) AS category_name";

    record Names(Map<Long, String> units, Map<String, String> categories) {

        /** The names of one row selected with {@link #NAME_COLUMNS}. */
        static Names ofRow(java.sql.ResultSet rs) throws java.sql.SQLException {
            Map<Long, String> units = new HashMap<>(4);
            units.put(rs.getLong("org_unit_id"), rs.getString("org_unit_name"));
            long handling = rs.getLong("handling_unit_id");
            if (!rs.wasNull()) {
                units.put(handling, rs.getString("handling_unit_name"));
            }
            return new Names(units, Map.of(rs.getString("category_code"), rs.getString("category_name")));
        }

        String unit(long id) {
            return units.getOrDefault(id, "#" + id);
        }

        String category(String code) {
            return categories.getOrDefault(code, code);
        }
    }

    private static final class Query {
        final List<String> conditions = new ArrayList<>();
        final Map<String, Object> params = new HashMap<>();
    }

    static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(ClockConfig.ZONE).toOffsetDateTime();
    }

    private static String str(Long id) {
        return id == null ? null : Objects.toString(id);
    }
}
