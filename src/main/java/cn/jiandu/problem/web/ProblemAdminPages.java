package cn.jiandu.problem.web;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.problem.domain.CategoryRepository;
import cn.jiandu.problem.domain.DispatchRule;
import cn.jiandu.problem.domain.DispatchRuleRepository;
import cn.jiandu.shared.web.ApiException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 分办规则 page: list, add, enable/disable, delete. */
@Controller
@PreAuthorize("hasAuthority('problem:dispatch')")
class ProblemAdminPages {

    private final DispatchRuleRepository rules;
    private final DispatchRuleApi.RuleValidator validator;
    private final CategoryRepository categories;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final PageSupport support;
    private final CategoryApi categoryApi;

    ProblemAdminPages(DispatchRuleRepository rules, DispatchRuleApi.RuleValidator validator,
            CategoryRepository categories, OrgDirectory org, AuditTrail audit, PageSupport support,
            CategoryApi categoryApi) {
        this.categoryApi = categoryApi;
        this.rules = rules;
        this.validator = validator;
        this.categories = categories;
        this.org = org;
        this.audit = audit;
        this.support = support;
    }

    @GetMapping("/problems/rules")
    String page(Model model, @RequestHeader(value = "HX-Request", required = false) String hx) {
        model.addAttribute("rules", rules.all());
        model.addAttribute("categories", categories.all());
        model.addAttribute("units", org.all());
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        org.all().forEach(u -> names.put(u.id(), u.name()));
        model.addAttribute("unitNames", names);
        return hx != null ? "problem/rules :: table" : "problem/rules";
    }

    @PostMapping("/problems/rules")
    @Transactional
    String create(DispatchRuleJson form, RedirectAttributes redirect) {
        try {
            DispatchRule r = rules.insert(validator.validate(form));
            audit.record("problem.rule.create", "dispatch_rule", r.id());
            redirect.addFlashAttribute("notice", support.message("common.saved"));
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", support.message(e));
        }
        return "redirect:/problems/rules";
    }

    @PostMapping("/problems/categories")
    @Transactional
    String createCategory(@org.springframework.web.bind.annotation.RequestParam(required = false) String code,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String name,
            RedirectAttributes redirect) {
        try {
            categoryApi.create(new cn.jiandu.problem.domain.Category(code, name));
            redirect.addFlashAttribute("notice", support.message("common.saved"));
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", support.message(e));
        }
        return "redirect:/problems/rules";
    }

    @PostMapping("/problems/rules/{id}/toggle")
    @Transactional
    String toggle(@PathVariable long id) {
        DispatchRule r = rules.find(id).orElseThrow(ApiException::notFound);
        rules.update(id, new DispatchRule(id, r.name(), r.categoryCode(), r.orgUnitId(), r.keywords(),
                r.handlingUnitId(), r.deadlineWorkingDays(), r.priority(), !r.enabled()));
        audit.record("problem.rule.update", "dispatch_rule", id);
        return "redirect:/problems/rules";
    }

    @PostMapping("/problems/rules/{id}/delete")
    @Transactional
    String delete(@PathVariable long id) {
        if (!rules.delete(id)) {
            throw ApiException.notFound();
        }
        audit.record("problem.rule.delete", "dispatch_rule", id);
        return "redirect:/problems/rules";
    }
}
