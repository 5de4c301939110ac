package cn.jiandu.org.web;

import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitType;
import cn.jiandu.org.domain.OrgUnitService;
import cn.jiandu.shared.web.ApiException;
import cn.jiandu.shared.web.HtmxRequest;
import cn.jiandu.shared.web.PageMessages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** 组织管理: one handler serves the full page and, for htmx, just the tree fragment. */
@Controller
@PreAuthorize("hasAuthority('org:manage')")
class OrgPages {

    private final OrgDirectory directory;
    private final OrgUnitService service;
    private final PageMessages messages;

    OrgPages(OrgDirectory directory, OrgUnitService service, PageMessages messages) {
        this.directory = directory;
        this.service = service;
        this.messages = messages;
    }

    @GetMapping("/org")
    String page(Model model, HtmxRequest hx) {
        model.addAttribute("units", directory.all());
        model.addAttribute("types", OrgUnitType.values());
        return hx.fragmentOrPage("org/tree :: tree", "org/tree");
    }

    @PostMapping("/org")
    String create(@RequestParam Long parentId, @RequestParam String name, @RequestParam OrgUnitType type,
            @RequestParam(defaultValue = "0") int sortOrder, Model model,
            HtmxRequest hx) {
        return apply(model, hx, () -> service.create(parentId, requireName(name), type, sortOrder));
    }

    @PostMapping("/org/{id}")
    String update(@PathVariable long id, @RequestParam String name, @RequestParam(required = false) Long parentId,
            @RequestParam(defaultValue = "0") int sortOrder, @RequestParam(defaultValue = "false") boolean enabled,
            Model model, HtmxRequest hx) {
        return apply(model, hx, () -> service.update(id, requireName(name), parentId, sortOrder, enabled));
    }

    private String apply(Model model, HtmxRequest hx, Runnable change) {
        messages.apply(model, "common.saved", change);
        return page(model, hx);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ApiException.invalidField("name", "error.required");
        }
        return name;
    }
}
