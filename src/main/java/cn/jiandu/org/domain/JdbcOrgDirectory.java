package cn.jiandu.org.domain;

import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads straight from the database on every call: no node-local cache that another node's change could stale. */
@Service
class JdbcOrgDirectory implements OrgDirectory {

    private final OrgUnitRepository units;
    private final JdbcClient jdbc;

    JdbcOrgDirectory(OrgUnitRepository units, JdbcClient jdbc) {
        this.units = units;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<OrgUnitView> find(long id) {
        return units.findById(id).map(JdbcOrgDirectory::view);
    }

    @Override
    public Optional<OrgUnitView> findByName(String name) {
        return units.findAll().stream().filter(u -> u.name().equals(name)).findFirst().map(JdbcOrgDirectory::view);
    }

    @Override
    public List<OrgUnitView> all() {
        List<OrgUnit> all = units.findAll();
        Map<Long, List<OrgUnit>> children = new HashMap<>();
        List<OrgUnit> roots = new ArrayList<>();
        for (OrgUnit u : all) {
            if (u.parentId() == null) {
                roots.add(u);
            } else {
                children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            }
        }
        Comparator<OrgUnit> order = Comparator.comparingInt(OrgUnit::sortOrder).thenComparing(OrgUnit::id);
        List<OrgUnitView> out = new ArrayList<>(all.size());
        roots.sort(order);
        for (OrgUnit root : roots) {
            walk(root, children, order, out);
        }
        return out;
    }

    private static void walk(OrgUnit u, Map<Long, List<OrgUnit>> children, Comparator<OrgUnit> order,
            List<OrgUnitView> out) {
        out.add(view(u));
        List<OrgUnit> kids = children.getOrDefault(u.id(), new ArrayList<>());
        kids.sort(order);
        for (OrgUnit k : kids) {
            walk(k, children, order, out);
        }
    }

    @Override
    public Set<Long> subtreeIds(long unitId) {
        return units.findById(unitId)
                .map(u -> new HashSet<>(jdbc.sql("SELECT id FROM org_unit WHERE path LIKE ?").param(u.path() + "%")
                        .query(Long.class).list()))
                .map(s -> (Set<Long>) s)
                .orElse(Set.of());
    }

    @Override
    public boolean isWithin(long unitId, long ancestorId) {
        Optional<OrgUnit> unit = units.findById(unitId);
        Optional<OrgUnit> ancestor = units.findById(ancestorId);
        return unit.isPresent() && ancestor.isPresent() && unit.get().path().startsWith(ancestor.get().path());
    }

    static OrgUnitView view(OrgUnit u) {
        return new OrgUnitView(u.id(), u.parentId(), u.name(), u.type(), u.sortOrder(), u.enabled(), u.path());
    }
}
