package cn.jiandu.identity.web;

import cn.jiandu.identity.domain.User;
import cn.jiandu.identity.domain.UserImport;
import cn.jiandu.identity.domain.UserRepository;
import cn.jiandu.identity.domain.UserService;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.paging.Cursor;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.paging.PageSize;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.web.ApiException;
import cn.jiandu.shared.web.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 用户管理: list with search and "load more", create, edit, enable/disable, password reset and .xlsx import. Each
 * handler serves the whole page or, for htmx, just the fragment that changes.
 */
@Controller
@PreAuthorize("hasAuthority('user:manage')")
class UserPages {

    static final long MAX_IMPORT_BYTES = 5L * 1024 * 1024;
    private final UserRepository users;
    private final UserService service;
    private final UserImport imports;
    private final OrgDirectory org;
    private final MessageSource messages;

    UserPages(UserRepository users, UserService service, UserImport imports, OrgDirectory org,
            MessageSource messages) {
        this.users = users;
        this.service = service;
        this.imports = imports;
        this.org = org;
        this.messages = messages;
    }

    @GetMapping("/users")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long orgUnitId,
            @RequestParam(required = false) String role, @RequestParam(required = false) String cursor, Model model,
            HtmxRequest hx) {
        Role roleFilter = parseRole(role);
        int size = PageSize.DEFAULT;
        long after = cursor == null || cursor.isBlank() ? 0 : Cursor.decodeLong(cursor);
        CursorPage<User> page = CursorPage.of(users.page(q, orgUnitId, roleFilter, after, size + 1), size,
                u -> Cursor.encode(u.id()));
        model.addAttribute("page", page);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("orgUnitId", orgUnitId);
        model.addAttribute("role", roleFilter);
        addReferenceData(model);
        if (hx.isHtmx()) {
            return after > 0 ? "identity/users :: rows" : "identity/users :: results";
        }
        return "identity/users";
    }

    @GetMapping("/users/new")
    String newForm(Model model, HtmxRequest hx) {
        return form(model, new UserPageForm(), null, hx);
    }

    @PostMapping("/users")
    String create(@ModelAttribute("form") UserPageForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response, HtmxRequest hx) {
        try {
            User created = service.create(form.toCommand());
            return saved(model, redirect, response, hx, msg("user.created", created.username()));
        } catch (Refusal e) {
            refused(model, e);
            return form(model, form, null, hx);
        }
    }

    @GetMapping("/users/{id}/edit")
    String editForm(@PathVariable long id, Model model, HtmxRequest hx) {
        User u = users.findById(id).orElseThrow(ApiException::notFound);
        return form(model, UserPageForm.of(u), u, hx);
    }

    @PostMapping("/users/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") UserPageForm form, Model model,
            RedirectAttributes redirect, HttpServletResponse response,
            HtmxRequest hx) {
        User existing = users.findById(id).orElseThrow(ApiException::notFound);
        try {
            User u = service.update(id, form.toCommand());
            return saved(model, redirect, response, hx, msg("user.updated", u.username()));
        } catch (Refusal e) {
            refused(model, e);
            form.setUsername(existing.username());
            return form(model, form, existing, hx);
        }
    }

    /** The quick switch in a list row; answers with the row itself. */
    @PostMapping("/users/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, Model model,
            HtmxRequest hx) {
        User u = service.setEnabled(id, enabled);
        if (!hx.isHtmx()) {
            return "redirect:/users";
        }
        model.addAttribute("u", u);
        addReferenceData(model);
        return "identity/users :: row";
    }

    /** Shows the one-time password once; it is stored only as a hash. */
    @PostMapping("/users/{id}/password-reset")
    String resetPassword(@PathVariable long id, Model model, HtmxRequest hx) {
        User u = users.findById(id).orElseThrow(ApiException::notFound);
        model.addAttribute("resetUser", u);
        model.addAttribute("oneTimePassword", service.resetPassword(id));
        return hx.fragmentOrPage("identity/user-form :: reset", "identity/user-reset");
    }

    @GetMapping("/users/import-template.xlsx")
    ResponseEntity<byte[]> template() {
        return xlsx(imports.template());
    }

    @PostMapping("/users/import")
    String importFile(@RequestParam(value = "file", required = false) MultipartFile file, Model model,
            HttpServletResponse response, HtmxRequest hx) throws IOException {
        try {
            checkUpload(file);
            int count;
            try (var in = file.getInputStream()) {
                count = imports.importFile(in);
            }
            model.addAttribute("importNotice", msg("user.import.done", count));
            response.setHeader(HtmxRequest.TRIGGER, "users-changed");
        } catch (Refusal e) {
            model.addAttribute("importError", msg(e.messageKey(), e.args()));
            if (!e.rowErrors().isEmpty()) {
                model.addAttribute("importRows", e.rowErrors());
            }
        }
        if (hx.isHtmx()) {
            return "identity/users :: importResult";
        }
        return list(null, null, null, null, model, null);
    }

    static void checkUpload(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ApiException.invalidField("file", "user.import.error.empty");
        }
        if (file.getSize() > MAX_IMPORT_BYTES) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge");
        }
    }

    static ResponseEntity<byte[]> xlsx(byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("用户导入模板.xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    private String form(Model model, UserPageForm form, User editing, HtmxRequest hx) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        addReferenceData(model);
        return hx.fragmentOrPage("identity/user-form :: form", "identity/user-form");
    }

    private String saved(Model model, RedirectAttributes redirect, HttpServletResponse response, HtmxRequest hx,
            String notice) {
        if (!hx.isHtmx()) {
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/users";
        }
        response.setHeader(HtmxRequest.TRIGGER, "users-changed");
        model.addAttribute("notice", notice);
        return "identity/user-form :: notice";
    }

    private void refused(Model model, Refusal e) {
        model.addAttribute("error", msg(e.messageKey(), e.args()));
        model.addAttribute("errorField", e.fieldErrors().isEmpty() ? null : e.fieldErrors().get(0).field());
    }

    private void addReferenceData(Model model) {
        List<OrgUnitView> units = org.all();
        model.addAttribute("units", units);
        model.addAttribute("unitNames", units.stream().collect(Collectors.toMap(OrgUnitView::id,
                OrgUnitView::name, (a, b) -> a)));
        model.addAttribute("allRoles", Role.values());
    }

    private static Role parseRole(String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        try {
            return Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("role", "error.invalidValue");
        }
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
