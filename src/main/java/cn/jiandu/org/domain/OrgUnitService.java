package cn.jiandu.org.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.audit.AuditTrail;
import cn.jiandu.org.OrgUnitType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to the org tree; every change is audited. Authorisation ({@code org:manage}) is checked by callers. */
@Service
public class OrgUnitService {

    private final OrgUnitRepository units;
    private final AuditTrail audit;

    OrgUnitService(OrgUnitRepository units, AuditTrail audit) {
        this.units = units;
        this.audit = audit;
    }

    @Transactional
    public OrgUnit create(Long parentId, String name, OrgUnitType type, int sortOrder) {
        OrgUnit parent = null;
        if (parentId == null) {
            if (units.count() > 0) {
                throw Refusal.invalidField("parentId", "org.error.parentRequired");
            }
        } else {
            parent = units.findById(parentId)
                    .orElseThrow(() -> Refusal.invalidField("parentId", "org.error.parentUnknown"));
        }
        if (units.siblingNameExists(parentId, name, null)) {
            throw Refusal.conflict("org.error.duplicateName", name);
        }
        OrgUnit unit = units.insert(parent, name, type, sortOrder);
        audit.record("org.create", "org_unit", unit.id(), cn.jiandu.audit.Outcome.SUCCESS, unit.name());
        return unit;
    }

    /** Renames, reorders, moves and enables/disables in one call (PUT semantics: every field given). */
    @Transactional
    public OrgUnit update(long id, String name, Long parentId, int sortOrder, boolean enabled) {
        OrgUnit unit = units.findById(id).orElseThrow(Refusal::notFound);
        if (!unit.name().equals(name.strip()) || !java.util.Objects.equals(unit.parentId(), parentId)) {
            if (units.siblingNameExists(parentId, name, id)) {
                throw Refusal.conflict("org.error.duplicateName", name);
            }
        }
        StringBuilder what = new StringBuilder();
        if (!unit.name().equals(name.strip())) {
            what.append("rename ").append(unit.name()).append(" -> ").append(name.strip()).append("; ");
            unit.rename(name);
        }
        if (!java.util.Objects.equals(unit.parentId(), parentId)) {
            if (parentId == null || unit.isRoot()) {
                throw Refusal.conflict("org.error.rootFixed");
            }
            OrgUnit newParent = units.findById(parentId)
                    .orElseThrow(() -> Refusal.invalidField("parentId", "org.error.parentUnknown"));
            String oldPath = unit.moveUnder(newParent);
            units.rewriteDescendantPaths(oldPath, unit.path());
            what.append("move under ").append(parentId).append("; ");
        }
        if (unit.enabled() != enabled) {
            if (!enabled && unit.isRoot()) {
                throw Refusal.conflict("org.error.rootFixed");
            }
            unit.setEnabled(enabled);
            what.append(enabled ? "enable; " : "disable; ");
        }
        unit.reorder(sortOrder);
        units.update(unit);
        audit.record("org.update", "org_unit", id, cn.jiandu.audit.Outcome.SUCCESS, what.toString());
        return unit;
    }
}
