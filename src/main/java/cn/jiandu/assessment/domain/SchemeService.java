package cn.jiandu.assessment.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.shared.Refusal;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's 考核套餐: one current scheme per type and year. A scheme a published run was computed with is frozen
 * with that run: editing it stores a new version and leaves the old one as it was.
 */
@Service
public class SchemeService {

    private final SchemeRepository schemes;
    private final AuditTrail audit;
    private final Clock clock;

    SchemeService(SchemeRepository schemes, AuditTrail audit, Clock clock) {
        this.schemes = schemes;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Scheme> current(Integer year) {
        return schemes.current(year);
    }

    public Scheme get(long id) {
        return schemes.find(id).orElseThrow(Refusal::notFound);
    }

    @Transactional
    public Scheme create(SchemeDefinition d) {
        SchemeValidator.check(d);
        if (schemes.current(d.type(), d.year()).isPresent()) {
            throw Refusal.conflict("assessment.error.schemeExists");
        }
        long id = schemes.insert(d, 1, clock.instant());
        audit.record("assessment.scheme.create", "assessment_scheme", id);
        return get(id);
    }

    /**
     * Replaces the definition; type and year stay. A scheme in use by a published run, or one already superseded,
     * is not changed: the edit becomes a new version of the current scheme, which is returned (with its new id).
     */
    @Transactional
    public Scheme update(long id, SchemeDefinition edited) {
        Scheme s = get(id);
        SchemeDefinition d = new SchemeDefinition(s.definition().type(), s.definition().year(), edited.dimensions(),
                edited.grades());
        if (edited.type() != null && edited.type() != d.type() || edited.year() != null
                && !edited.year().equals(d.year())) {
            throw Refusal.invalidField(edited.type() != d.type() ? "type" : "year", "assessment.error.fixed");
        }
        SchemeValidator.check(d);
        if (s.supersededBy() != null) {
            throw Refusal.conflict("assessment.error.schemeSuperseded");
        }
        if (!s.inUse()) {
            schemes.update(id, d, clock.instant());
            audit.record("assessment.scheme.update", "assessment_scheme", id);
            return get(id);
        }
        long newId = schemes.insert(d, s.version() + 1, clock.instant());
        schemes.supersede(id, newId);
        audit.record("assessment.scheme.version", "assessment_scheme", newId, cn.jiandu.audit.Outcome.SUCCESS,
                "supersedes " + id);
        return get(newId);
    }

    /** The demo's and a first installation's schemes: created when missing, never overwritten. */
    @Transactional
    public void ensure(SchemeDefinition d) {
        if (schemes.current(d.type(), d.year()).isEmpty()) {
            SchemeValidator.check(d);
            schemes.insert(d, 1, clock.instant());
        }
    }
}
