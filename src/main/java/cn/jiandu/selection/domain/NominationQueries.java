package cn.jiandu.selection.domain;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.selection.NominationStatus;
import cn.jiandu.selection.SelectionPermissions;
import cn.jiandu.shared.paging.Cursor;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading nominations: the queue "waiting at my step", lists filtered by status, step and type, and one nomination
 * with its chain, criteria and timeline. Who may read is in the statement ({@link #READER_CONDITION}).
 */
@Service
@Transactional(readOnly = true)
public class NominationQueries {

    /**
     * A nomination's readers other than the office and the leaders: the nominator, the assignee, the owners of the
     * steps it has reached (by role, and by unit or the scope's party branch), the candidate once decided.
     */
    static final String READER_CONDITION = """
            n.nominator_id = :me OR n.assignee_id = :me
            OR (n.candidate_id = :me AND n.status IN ('APPROVED', 'REJECTED', 'WITHDRAWN'))
            OR EXISTS (SELECT 1 FROM selection_chain_step s WHERE s.chain_version = n.chain_version
                AND s.position >= 2 AND s.position <= n.max_step AND s.owner_role IN (:myRoles)
                AND ((s.owner_is_scope_branch = TRUE AND n.scope_branch_id = :myUnit)
                    OR (s.owner_is_scope_branch = FALSE AND (s.owner_unit_id IS NULL OR s.owner_unit_id = :myUnit))))""";

    /** What waits for {@code me} to act. */
    static final String WAITING_CONDITION = """
            n.status IN ('IN_REVIEW', 'RETURNED') AND (n.assignee_id = :me OR (n.assignee_id IS NULL
                AND n.owner_role IN (:myRoles) AND (n.owner_unit_id IS NULL OR n.owner_unit_id = :myUnit)))""";

    static Map<String, Object> readerParams(JianduPrincipal me) {
        Map<String, Object> p = new HashMap<>();
        p.put("me", me.id());
        p.put("myUnit", me.orgUnitId());
        List<String> roles = me.roles().stream().map(Role::name).toList();
        p.put("myRoles", roles.isEmpty() ? List.of("-") : roles);
        return p;
    }

    /** Filters of the list. */
    public record Filter(NominationStatus status, Integer step, boolean waitingForMe, Role type) {
    }

    /** A list row. */
    public record Summary(Nomination nomination, String candidate, String scopeUnitName, String nominator,
            String stepName, boolean overdue, boolean dueSoon) {
    }

    /** One step of the chain as a nomination went through it. */
    public record StepView(ChainStep step, String ownerLabelUnit, String state, String outcome, String opinion,
            String by, Instant at) {
    }

    /** One entry of the timeline with names. */
    public record TimelineEntry(NominationRepository.Event event, String actor, String toUser) {
    }

    /** The nomination with its chain, criteria and timeline, and what the reader may do. */
    public record Detail(Summary summary, List<StepView> steps, List<Eligibility.Result> eligibility,
            List<TimelineEntry> timeline, boolean ownsCurrentStep, boolean nominator) {
    }

    private final JdbcClient jdbc;
    private final NominationRepository nominations;
    private final ChainRepository chains;
    private final NominationService service;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final Clock clock;

    NominationQueries(JdbcClient jdbc, NominationRepository nominations, ChainRepository chains,
            NominationService service, UserDirectory users, OrgDirectory org, Clock clock) {
        this.jdbc = jdbc;
        this.nominations = nominations;
        this.chains = chains;
        this.service = service;
        this.users = users;
        this.org = org;
        this.clock = clock;
    }

    public CursorPage<Summary> list(JianduPrincipal me, Filter f, int size, String cursor) {
        StringBuilder sql = new StringBuilder("SELECT " + NominationRepository.COLUMNS + " FROM nomination n WHERE ");
        Map<String, Object> params = readerParams(me);
        sql.append(me.can(SelectionPermissions.NOMINATION_READ_ALL) ? "TRUE" : "(" + READER_CONDITION + ")");
        if (f.waitingForMe()) {
            sql.append(" AND ").append(WAITING_CONDITION);
        }
        if (f.status() != null) {
            sql.append(" AND n.status = :status");
            params.put("status", f.status().name());
        }
        if (f.step() != null) {
            sql.append(" AND n.current_step = :step");
            params.put("step", f.step());
        }
        if (f.type() != null) {
            sql.append(" AND n.type = :type");
            params.put("type", f.type().name());
        }
        if (cursor != null) {
            sql.append(" AND n.id < :after");
            params.put("after", Cursor.decodeLong(cursor));
        }
        sql.append(" ORDER BY n.id DESC FETCH FIRST ").append(size + 1).append(" ROWS ONLY");
        List<Nomination> rows = jdbc.sql(sql.toString()).params(params).query(NominationRepository.MAPPER).list();
        return CursorPage.of(summaries(rows), size, s -> Cursor.encode(s.nomination().id()));
    }

    /** How many wait for {@code me} (the home tile). */
    public long waitingCount(JianduPrincipal me) {
        return jdbc.sql("SELECT COUNT(*) FROM nomination n WHERE " + WAITING_CONDITION).params(readerParams(me))
                .query(Long.class).single();
    }

    private List<Summary> summaries(List<Nomination> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<Long> ids = new HashSet<>();
        rows.forEach(n -> {
            ids.add(n.candidateId());
            ids.add(n.nominatorId());
        });
        Map<Long, String> names = users.displayNames(ids);
        Map<Integer, List<ChainStep>> stepsByVersion = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        List<Summary> out = new ArrayList<>();
        for (Nomination n : rows) {
            List<ChainStep> steps = stepsByVersion.computeIfAbsent(n.chainVersion(), chains::steps);
            boolean open = !n.status().finished();
            boolean overdue = open && n.stepDueOn() != null && n.stepDueOn().isBefore(today);
            boolean dueSoon = open && !overdue && n.stepDueOn() != null && !n.stepDueOn().isAfter(today.plusDays(1));
            out.add(new Summary(n, names.getOrDefault(n.candidateId(), "?"),
                    org.find(n.scopeUnitId()).map(OrgUnitView::name).orElse("?"),
                    names.getOrDefault(n.nominatorId(), "?"), steps.get(n.currentStep() - 1).name(), overdue,
                    dueSoon));
        }
        return out;
    }

    public Detail detail(JianduPrincipal me, long id) {
        Nomination n = service.readable(me, id);
        List<ChainStep> steps = chains.steps(n.chainVersion());
        List<NominationRepository.Event> events = nominations.events(id);
        Set<Long> ids = new HashSet<>();
        events.forEach(e -> {
            if (e.actorId() != null) {
                ids.add(e.actorId());
            }
            if (e.toUserId() != null) {
                ids.add(e.toUserId());
            }
        });
        Map<Long, String> names = users.displayNames(ids);
        List<StepView> views = new ArrayList<>();
        for (ChainStep s : steps) {
            NominationRepository.Event last = null;
            for (NominationRepository.Event e : events) {
                if (e.step() == s.position() && !e.action().equals("HANDOVER")) {
                    last = e;
                }
            }
            String state;
            if (n.status() == NominationStatus.APPROVED || s.position() < n.currentStep()) {
                state = "DONE";
            } else if (s.position() == n.currentStep()) {
                state = n.status().finished() ? n.status().name() : "CURRENT";
            } else {
                state = "PENDING";
            }
            NominationService.Owner owner = s.position() == 1 ? null : NominationService.ownerOf(s, n.scopeBranchId());
            String unit = s.position() == 1 ? names.getOrDefault(n.nominatorId(),
                    users.displayNames(List.of(n.nominatorId())).getOrDefault(n.nominatorId(), "?"))
                    : owner.unitId() == null ? null : org.find(owner.unitId()).map(OrgUnitView::name).orElse("?");
            views.add(new StepView(s, unit, state, last == null ? null : last.action(),
                    last == null ? null : last.opinion(),
                    last == null || last.actorId() == null ? null : names.get(last.actorId()),
                    last == null ? null : last.at()));
        }
        List<TimelineEntry> timeline = events.stream().map(e -> new TimelineEntry(e,
                e.actorId() == null ? null : names.get(e.actorId()),
                e.toUserId() == null ? null : names.get(e.toUserId()))).toList();
        return new Detail(summaries(List.of(n)).get(0), views,
                service.eligibility(n.candidateId(), n.scopeUnitId(), n.meetingDate().getYear()), timeline,
                !n.status().finished() && service.ownsCurrent(n, me.id(), me.roles(), me.orgUnitId()),
                n.nominatorId() == me.id());
    }


}
