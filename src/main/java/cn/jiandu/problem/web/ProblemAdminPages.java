package cn.jiandu.problem.web;

import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.problem.domain.Category;
import cn.jiandu.problem.domain.CategoryRepository;
import cn.jiandu.problem.domain.DispatchRule;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.web.ApiException;
import cn.jiandu.shared.web.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 分办规则 page: list, add, edit, enable/disable, delete. Rule changes go through {@link DispatchRules}, the service
 * behind {@code /api/v1/dispatch-rules}, so the page validates and audits exactly as the API does.
 */
@Controller
@PreAuthorize("hasAuthority('problem:dispatch')")
class ProblemAdminPages {
    private final DispatchRules rules;
    private final CategoryRepository categories;
    private final OrgDirectory org;
    private final PageSupport support;
    private final CategoryApi categoryApi;

    ProblemAdminPages(DispatchRules rules, CategoryRepository categories, OrgDirectory org, PageSupport support,
            CategoryApi categoryApi) {
        this.rules = rules;
        this.categories = categories;
        this.org = org;
        this.support = support;
        this.categoryApi = categoryApi;
    }

    @GetMapping("/problems/rules")
    String page(Model model, HtmxRequest hx) {
        model.addAttribute("rules", rules.all());
        addReferenceData(model);
        return hx.fragmentOrPage("problem/rules :: table", "problem/rules");
    }

    @PostMapping("/problems/rules")
    String create(DispatchRuleJson form, RedirectAttributes redirect) {
        try {
            rules.create(form);
            redirect.addFlashAttribute("notice", support.message("common.saved"));
        } catch (Refusal e) {
            redirect.addFlashAttribute("error", support.message(e));
        }
        return "redirect:/problems/rules";
    }

    /** The edit form: a page of its own, or (htmx) just the form for the panel above the table. */
    @GetMapping("/problems/rules/{id}/edit")
    String editForm(@PathVariable long id, Model model, HtmxRequest hx) {
        DispatchRule r = rules.find(id);
        return form(model, RulePageForm.of(r), r, hx);
    }

    /**
     * Saves an edited rule. Refused: the form again with the first bad field named and marked, nothing changed.
     * Saved: back to the list (htmx: a notice in the panel, and the table reloads itself on {@code rules-changed}).
     */
    @PostMapping("/problems/rules/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") RulePageForm form, Model model,
            RedirectAttributes redirect, HttpServletResponse response,
            HtmxRequest hx) {
        DispatchRule existing = rules.find(id);
        try {
            DispatchRule saved = rules.update(id, form.toJson());
            String notice = support.message("problem.rules.updated", saved.name());
            if (!hx.isHtmx()) {
                redirect.addFlashAttribute("notice", notice);
                return "redirect:/problems/rules";
            }
            response.setHeader(HtmxRequest.TRIGGER, "rules-changed");
            model.addAttribute("notice", notice);
            return "problem/rule-form :: notice";
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND) {
                throw e;
            }
            model.addAttribute("error", support.message(e));
            model.addAttribute("errorField", e.fieldErrors().isEmpty() ? null : e.fieldErrors().get(0).field());
            return form(model, form, existing, hx);
        }
    }

    @PostMapping("/problems/categories")
    @Transactional
    String createCategory(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
            RedirectAttributes redirect) {
        try {
            categoryApi.create(new Category(code, name));
            redirect.addFlashAttribute("notice", support.message("common.saved"));
        } catch (Refusal e) {
            redirect.addFlashAttribute("error", support.message(e));
        }
        return "redirect:/problems/rules";
    }

    @PostMapping("/problems/rules/{id}/toggle")
    String toggle(@PathVariable long id) {
        rules.toggle(id);
        return "redirect:/problems/rules";
    }

    @PostMapping("/problems/rules/{id}/delete")
    String delete(@PathVariable long id) {
        rules.delete(id);
        return "redirect:/problems/rules";
    }

    private String form(Model model, RulePageForm form, DispatchRule editing, HtmxRequest hx) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        addReferenceData(model);
        return hx.fragmentOrPage("problem/rule-form :: form", "problem/rule-form");
    }

    private void addReferenceData(Model model) {
        List<OrgUnitView> units = org.all();
        Map<Long, String> names = new HashMap<>();
        units.forEach(u -> names.put(u.id(), u.name()));
        List<Category> cats = categories.all();
        Map<String, String> categoryNames = new HashMap<>();
        cats.forEach(c -> categoryNames.put(c.code(), c.name()));
        model.addAttribute("categories", cats);
        model.addAttribute("categoryNames", categoryNames);
        model.addAttribute("units", units);
        model.addAttribute("unitNames", names);
    }
}
