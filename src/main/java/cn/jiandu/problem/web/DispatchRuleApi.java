package cn.jiandu.problem.web;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.problem.domain.CategoryRepository;
import cn.jiandu.problem.domain.DispatchRule;
import cn.jiandu.problem.domain.DispatchRuleRepository;
import cn.jiandu.shared.web.ApiException;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 分办规则, admin only. */
@RestController
@RequestMapping("/api/v1/dispatch-rules")
@PreAuthorize("hasAuthority('problem:dispatch')")
@Tag(name = "problem")
class DispatchRuleApi {

    private final DispatchRuleRepository rules;
    private final RuleValidator validator;
    private final AuditTrail audit;

    DispatchRuleApi(DispatchRuleRepository rules, RuleValidator validator, AuditTrail audit) {
        this.rules = rules;
        this.validator = validator;
        this.audit = audit;
    }

    @GetMapping
    List<DispatchRuleJson> list() {
        return rules.all().stream().map(DispatchRuleJson::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    DispatchRuleJson create(@RequestBody DispatchRuleJson body) {
        DispatchRule r = rules.insert(validator.validate(body));
        audit.record("problem.rule.create", "dispatch_rule", r.id());
        return DispatchRuleJson.of(r);
    }

    @PutMapping("/{id}")
    @Transactional
    DispatchRuleJson update(@PathVariable long id, @RequestBody DispatchRuleJson body) {
        if (!rules.update(id, validator.validate(body))) {
            throw ApiException.notFound();
        }
        audit.record("problem.rule.update", "dispatch_rule", id);
        return DispatchRuleJson.of(rules.find(id).orElseThrow());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void delete(@PathVariable long id) {
        if (!rules.delete(id)) {
            throw ApiException.notFound();
        }
        audit.record("problem.rule.delete", "dispatch_rule", id);
    }

    /** Checks a rule's fields, naming the first bad one. */
    @Component
    static class RuleValidator {
        private final OrgDirectory org;
        private final CategoryRepository categories;

        RuleValidator(OrgDirectory org, CategoryRepository categories) {
            this.org = org;
            this.categories = categories;
        }

        DispatchRule validate(DispatchRuleJson b) {
            if (b.name() == null || b.name().isBlank() || b.name().length() > 100) {
                throw ApiException.invalidField("name", "error.required");
            }
            String category = blankToNull(b.categoryCode());
            if (category != null && categories.find(category).isEmpty()) {
                throw ApiException.invalidField("categoryCode", "problem.error.unknownCategory");
            }
            Long orgUnit = id(b.orgUnitId(), "orgUnitId", false);
            Long handling = id(b.handlingUnitId(), "handlingUnitId", true);
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

        private Long id(String value, String field, boolean required) {
            String v = blankToNull(value);
            if (v == null) {
                if (required) {
                    throw ApiException.invalidField(field, "error.required");
                }
                return null;
            }
            try {
                long id = Long.parseLong(v);
                if (org.find(id).isEmpty()) {
                    throw ApiException.invalidField(field, "problem.error.unknownOrgUnit");
                }
                return id;
            } catch (NumberFormatException e) {
                throw ApiException.invalidField(field, "problem.error.unknownOrgUnit");
            }
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
