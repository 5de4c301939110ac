package cn.jiandu.selection.domain;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgSql;
import cn.jiandu.org.OrgUnitType;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.selection.SelectionPermissions;
import cn.jiandu.selection.SelectionProperties;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.paging.Cursor;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register as people read it: who may see which appointment (the office and the leaders all, a branch
 * secretary his subtree, a supervisor his own — enforced in the statement), the coverage view and the yearly stats.
 */
@Service
@Transactional(readOnly = true)
public class AppointmentQueries {

    /** The filters of the register. */
    public record Filter(Role type, Long unitId, Long userId, Appointment.Status status, Integer expiringWithinDays) {

        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    /** One appointment with the names a reader needs. */
    public record Item(Appointment appointment, String person, String scopeUnitName,
            Appointment.Status status, boolean expiringSoon, CertificateInfo certificate) {
    }

    /** The certificate of an appointment, once issued. */
    public record CertificateInfo(String number, LocalDate issuedOn, String code) {
    }

    /** A holder of a unit's supervisor post. */
    public record Holder(long appointmentId, String number, long userId, String person, LocalDate termEnd) {
    }

    /**
     * A unit that should have a supervisor of {@code type}: its holders today, and whether it has none.
     *
     * @param groupUnitId the county branch or department it belongs to (for the totals), null above them
     */
    public record CoverageRow(long unitId, String unitName, OrgUnitType unitType, Role type, List<Holder> holders,
            boolean gap, Long groupUnitId, String groupUnitName) {
    }

    /** Appointments made per year and type (origin SELECTED), those taken in (IMPORTED), nominations decided. */
    public record StatsRow(int year, Role type, long vetted, long appointed, long imported) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final UserDirectory users;
    private final SelectionProperties properties;
    private final Clock clock;
    private final CertificateService certificateService;

    AppointmentQueries(JdbcClient jdbc, OrgDirectory org, UserDirectory users, SelectionProperties properties,
            Clock clock, CertificateService certificateService) {
        this.certificateService = certificateService;
        this.jdbc = jdbc;
        this.org = org;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Whether {@code me} reads the whole register, a subtree of it or only his own appointments. */
    public boolean readsRegister(JianduPrincipal me) {
        return me.can(SelectionPermissions.REGISTER_READ_ALL) || me.can(SelectionPermissions.REGISTER_READ_SUBTREE);
    }

    /** The visibility condition on {@code a} and its parameters. */
    private Map.Entry<String, Map<String, Object>> visibility(JianduPrincipal me) {
        Map<String, Object> params = new HashMap<>();
        params.put("me", me.id());
        if (me.can(SelectionPermissions.REGISTER_READ_ALL)) {
            return Map.entry("TRUE", params);
        }
        if (me.can(SelectionPermissions.REGISTER_READ_SUBTREE)) {
            Optional<OrgUnitView> unit = org.find(me.orgUnitId());
            if (unit.isPresent()) {
                params.put("myPath", unit.get().path());
                return Map.entry("(a.user_id = :me OR a.scope_unit_id IN"
                        + " (" + OrgSql.subtreeAtPath(":myPath") + "))", params);
            }
        }
        return Map.entry("a.user_id = :me", params);
    }

    public CursorPage<Item> list(JianduPrincipal me, Filter f, int size, String cursor) {
        List<Appointment> rows = select(me, f, cursor, size + 1);
        List<Item> items = items(rows);
        return CursorPage.of(items, size, i -> Cursor.encode(i.appointment().id()));
    }

    /** Every visible appointment matching the filter, in pages of 500, for the export. */
    public void stream(JianduPrincipal me, Filter f, Consumer<Item> sink) {
        String cursor = null;
        while (true) {
            List<Appointment> rows = select(me, f, cursor, 500);
            items(rows).forEach(sink);
            if (rows.size() < 500) {
                return;
            }
            cursor = Cursor.encode(rows.get(rows.size() - 1).id());
        }
    }

    /** The appointment if {@code me} may read it, else 404. */
    public Item detail(JianduPrincipal me, long id) {
        return items(select(me, Filter.none(), null, 1, id)).stream().findFirst().orElseThrow(Refusal::notFound);
    }

    private List<Appointment> select(JianduPrincipal me, Filter f, String cursor, int limit) {
        return select(me, f, cursor, limit, null);
    }

    private List<Appointment> select(JianduPrincipal me, Filter f, String cursor, int limit, Long id) {
        var vis = visibility(me);
        StringBuilder sql = new StringBuilder("SELECT " + AppointmentRepository.COLUMNS
                + " FROM appointment a WHERE " + vis.getKey());
        Map<String, Object> params = new HashMap<>(vis.getValue());
        LocalDate today = today();
        params.put("today", Date.valueOf(today));
        if (id != null) {
            sql.append(" AND a.id = :id");
            params.put("id", id);
        }
        if (f.type() != null) {
            sql.append(" AND a.type = :type");
            params.put("type", f.type().name());
        }
        if (f.userId() != null) {
            sql.append(" AND a.user_id = :user");
            params.put("user", f.userId());
        }
        if (f.unitId() != null) {
            OrgUnitView unit = org.find(f.unitId())
                    .orElseThrow(() -> Refusal.invalidField("unitId", "appointment.error.unit"));
            sql.append(" AND a.scope_unit_id IN (" + OrgSql.subtreeAtPath(":unitPath") + ")");
            params.put("unitPath", unit.path());
        }
        if (f.status() != null) {
            sql.append(switch (f.status()) {
                case ACTIVE -> " AND a.ended_on IS NULL AND a.term_end >= :today";
                case EXPIRED -> " AND ((a.ended_on IS NOT NULL AND a.end_reason = 'TERM_OVER')"
                        + " OR (a.ended_on IS NULL AND a.term_end < :today))";
                case ENDED -> " AND a.ended_on IS NOT NULL AND a.end_reason <> 'TERM_OVER'";
            });
        }
        if (f.expiringWithinDays() != null) {
            if (f.expiringWithinDays() < 0 || f.expiringWithinDays() > 3660) {
                throw Refusal.invalidField("expiringWithinDays", "error.invalidValue");
            }
            sql.append(" AND a.ended_on IS NULL AND a.term_end >= :today AND a.term_end <= :horizon");
            params.put("horizon", Date.valueOf(today.plusDays(f.expiringWithinDays())));
        }
        if (cursor != null) {
            sql.append(" AND a.id < :after");
            params.put("after", Cursor.decodeLong(cursor));
        }
        sql.append(" ORDER BY a.id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return jdbc.sql(sql.toString()).params(params).query(AppointmentRepository.MAPPER).list();
    }

    private List<Item> items(List<Appointment> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<Long> userIds = new HashSet<>();
        rows.forEach(a -> userIds.add(a.userId()));
        Map<Long, String> names = users.displayNames(userIds);
        Map<Long, CertificateInfo> certificates = certificates(rows.stream().map(Appointment::id).toList());
        LocalDate today = today();
        LocalDate horizon = today.plusDays(properties.expiringWithinDays());
        List<Item> out = new ArrayList<>(rows.size());
        for (Appointment a : rows) {
            Appointment.Status status = a.status(today);
            out.add(new Item(a, names.getOrDefault(a.userId(), "?"),
                    org.find(a.scopeUnitId()).map(OrgUnitView::name).orElse("?"), status,
                    status == Appointment.Status.ACTIVE && !a.termEnd().isAfter(horizon),
                    certificates.get(a.id())));
        }
        return out;
    }

    /** Certificates of these appointments. */
    Map<Long, CertificateInfo> certificates(Collection<Long> appointmentIds) {
        Map<Long, CertificateInfo> out = new HashMap<>();
        certificateService.ofAppointments(appointmentIds).forEach((id, c) -> out.put(id,
                new CertificateInfo(c.number(), c.ceremonyDate(), c.code())));
        return out;
    }

    /**
     * The coverage view: every party branch (支部纪检委员), every team of the key departments (班组监督员) and every
     * grid (网格监督员) within what {@code me} may see, with its holders today.
     */
    public List<CoverageRow> coverage(JianduPrincipal me, Long unitId) {
        List<OrgUnitView> all = org.all();
        Map<Long, OrgUnitView> byId = new LinkedHashMap<>();
        all.forEach(u -> byId.put(u.id(), u));
        String within;
        if (unitId != null) {
            within = org.find(unitId).orElseThrow(() -> Refusal.invalidField("unitId", "appointment.error.unit"))
                    .path();
        } else {
            within = "/";
        }
        String mine = null;
        if (!me.can(SelectionPermissions.REGISTER_READ_ALL)) {
            if (!me.can(SelectionPermissions.REGISTER_READ_SUBTREE)) {
                throw Refusal.forbidden();
            }
            mine = org.find(me.orgUnitId()).map(OrgUnitView::path).orElse("/none/");
        }
        Set<String> keyDepartments = Set.copyOf(properties.keyDepartments());
        Set<String> keyPaths = new HashSet<>();
        for (OrgUnitView u : all) {
            if (u.type() == OrgUnitType.DEPARTMENT && keyDepartments.contains(u.name())) {
                keyPaths.add(u.path());
            }
        }
        Map<Long, List<Holder>> holders = holdersToday();
        List<CoverageRow> out = new ArrayList<>();
        for (OrgUnitView u : all) {
            if (!u.enabled() || !u.path().startsWith(within) || (mine != null && !u.path().startsWith(mine))) {
                continue;
            }
            Role type = switch (u.type()) {
                case PARTY_BRANCH -> Role.BRANCH_INSPECTOR;
                case GRID -> Role.GRID_SUPERVISOR;
                case TEAM -> keyPaths.stream().anyMatch(u.path()::startsWith) ? Role.TEAM_SUPERVISOR : null;
                default -> null;
            };
            if (type == null) {
                continue;
            }
            List<Holder> h = holders.getOrDefault(key(u.id(), type), List.of());
            OrgUnitView group = group(u, byId);
            out.add(new CoverageRow(u.id(), u.name(), u.type(), type, h, h.isEmpty(),
                    group == null ? null : group.id(), group == null ? null : group.name()));
        }
        return out;
    }

    private static long key(long unitId, Role type) {
        return unitId * 16 + type.ordinal();
    }

    private Map<Long, List<Holder>> holdersToday() {
        List<Appointment> active = jdbc.sql("SELECT " + AppointmentRepository.COLUMNS + " FROM appointment a"
                        + " WHERE a.ended_on IS NULL AND a.term_start <= :today AND a.term_end >= :today ORDER BY a.id")
                .param("today", Date.valueOf(today())).query(AppointmentRepository.MAPPER).list();
        Map<Long, String> names = users.displayNames(active.stream().map(Appointment::userId).distinct().toList());
        Map<Long, List<Holder>> out = new HashMap<>();
        for (Appointment a : active) {
            out.computeIfAbsent(key(a.scopeUnitId(), a.type()), k -> new ArrayList<>()).add(new Holder(a.id(),
                    a.number(), a.userId(), names.getOrDefault(a.userId(), "?"), a.termEnd()));
        }
        return out;
    }

    /** The nearest county branch or department above (or at) the unit. */
    private static OrgUnitView group(OrgUnitView u, Map<Long, OrgUnitView> byId) {
        OrgUnitView at = u;
        while (at != null) {
            if (at.type() == OrgUnitType.COUNTY_BRANCH || at.type() == OrgUnitType.DEPARTMENT) {
                return at;
            }
            at = at.parentId() == null ? null : byId.get(at.parentId());
        }
        return null;
    }

    /** Per year (of the term's start) and type: appointments through selection and imported ones. */
    public List<StatsRow> stats(JianduPrincipal me, LocalDate from, LocalDate to) {
        if (!me.can(SelectionPermissions.REGISTER_READ_ALL)) {
            throw Refusal.forbidden();
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw Refusal.invalidField("to", "appointment.error.range");
        }
        LocalDate start = from == null ? LocalDate.of(1900, 1, 1) : from;
        LocalDate end = to == null ? LocalDate.of(2999, 12, 31) : to;
        Map<String, long[]> counts = new java.util.TreeMap<>();
        jdbc.sql("SELECT term_start, type, origin FROM appointment WHERE term_start >= :from AND term_start <= :to")
                .param("from", Date.valueOf(start)).param("to", Date.valueOf(end))
                .query(rs -> {
                    int year = rs.getDate(1).toLocalDate().getYear();
                    long[] c = counts.computeIfAbsent(year + "|" + rs.getString(2), k -> new long[3]);
                    c[rs.getString(3).equals("IMPORTED") ? 2 : 1]++;
                });
        vetted(start, end).forEach((k, v) -> counts.computeIfAbsent(k, x -> new long[3])[0] = v);
        List<StatsRow> out = new ArrayList<>();
        counts.forEach((k, c) -> {
            String[] parts = k.split("\\|");
            out.add(new StatsRow(Integer.parseInt(parts[0]), Role.valueOf(parts[1]), c[0], c[1], c[2]));
        });
        return out;
    }

    /** Nominations that reached a decision (approved or rejected), by "year|type" of the decision. */
    Map<String, Long> vetted(LocalDate from, LocalDate to) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("SELECT decided_at, type FROM nomination WHERE status IN ('APPROVED', 'REJECTED')"
                        + " AND decided_at >= :from AND decided_at < :to")
                .param("from", java.sql.Timestamp.from(from.atStartOfDay(cn.jiandu.shared.time.ClockConfig.ZONE)
                        .toInstant()))
                .param("to", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(cn.jiandu.shared.time.ClockConfig.ZONE)
                        .toInstant()))
                .query(rs -> {
                    LocalDate d = LocalDate.ofInstant(rs.getTimestamp(1).toInstant(),
                            cn.jiandu.shared.time.ClockConfig.ZONE);
                    out.merge(d.getYear() + "|" + rs.getString(2), 1L, Long::sum);
                });
        return out;
    }
}
