package cn.jiandu.problem.web;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.problem.domain.CategoryRepository;
import cn.jiandu.problem.domain.DispatchRule;
import cn.jiandu.problem.domain.DispatchRuleRepository;
import cn.jiandu.shared.web.ApiException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 分办规则 changes, the one place the API and the rules page both go through: each change is validated the same way
 * (the first bad field named, 400), 404 for an unknown rule, and audited in the same transaction.
 */
@Service
@Transactional
class DispatchRules {

    private final DispatchRuleRepository rules;
    private final OrgDirectory org;
    private final CategoryRepository categories;
    private final AuditTrail audit;

    DispatchRules(DispatchRuleRepository rules, OrgDirectory org, CategoryRepository categories, AuditTrail audit) {
        this.rules = rules;
        this.org = org;
        this.categories = categories;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    List<DispatchRule> all() {
        return rules.all();
    }

    @Transactional(readOnly = true)
    DispatchRule find(long id) {
        return rules.find(id).orElseThrow(ApiException::notFound);
    }

    DispatchRule create(DispatchRuleJson body) {
        DispatchRule r = rules.insert(validate(body));
        audit.record("problem.rule.create", "dispatch_rule", r.id());
        return r;
    }

    /** Validates before looking the rule up, so a bad body is 400 whether or not the rule exists. */
    DispatchRule update(long id, DispatchRuleJson body) {
        if (!rules.update(id, validate(body))) {
            throw ApiException.notFound();
        }
        audit.record("problem.rule.update", "dispatch_rule", id);
        return rules.find(id).orElseThrow();
    }

    DispatchRule toggle(long id) {
        DispatchRule r = find(id);
        rules.update(id, new DispatchRule(id, r.name(), r.categoryCode(), r.orgUnitId(), r.keywords(),
                r.handlingUnitId(), r.deadlineWorkingDays(), r.priority(), !r.enabled()));
        audit.record("problem.rule.update", "dispatch_rule", id);
        return rules.find(id).orElseThrow();
    }

    void delete(long id) {
        if (!rules.delete(id)) {
            throw ApiException.notFound();
        }
        audit.record("problem.rule.delete", "dispatch_rule", id);
    }

    /** Checks a rule's fields, naming the first bad one. */
    DispatchRule validate(DispatchRuleJson b) {
        if (b.name() == null || b.name().isBlank()) {
            throw ApiException.invalidField("name", "error.required");
        }
        if (b.name().strip().length() > 100) {
            throw ApiException.invalidField("name", "problem.error.tooLong", 100);
        }
        String category = blankToNull(b.categoryCode());
        if (category != null && categories.find(category).isEmpty()) {
            throw ApiException.invalidField("categoryCode", "problem.error.unknownCategory");
        }
        Long orgUnit = unit(b.orgUnitId(), "orgUnitId", false);
        Long handling = unit(b.handlingUnitId(), "handlingUnitId", true);
        int days = b.deadlineWorkingDays() == null ? 0 : b.deadlineWorkingDays();
        if (days < 1 || days > 60) {
            throw ApiException.invalidField("deadlineWorkingDays", "problem.error.days");
        }
        String keywords = blankToNull(b.keywords());
        if (keywords != null && keywords.length() > 500) {
            throw ApiException.invalidField("keywords", "problem.error.tooLong", 500);
        }
        return new DispatchRule(null, b.name().strip(), category, orgUnit, keywords, handling, days,
                b.priority() == null ? 100 : b.priority(), b.enabled() == null || b.enabled());
    }

    private Long unit(String value, String field, boolean required) {
        String v = blankToNull(value);
        if (v == null) {
            if (required) {
                throw ApiException.invalidField(field, "error.required");
            }
            return null;
        }
        Optional<Long> id = parse(v);
        if (id.isEmpty() || org.find(id.get()).isEmpty()) {
            throw ApiException.invalidField(field, "problem.error.unknownOrgUnit");
        }
        return id.get();
    }

    private static Optional<Long> parse(String v) {
        try {
            return Optional.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
