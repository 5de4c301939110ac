package cn.jiandu.sharing.web;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.ApiException;
import cn.jiandu.shared.web.HtmxRequest;
import cn.jiandu.sharing.DutyPeriodType;
import cn.jiandu.sharing.FolderKind;
import cn.jiandu.sharing.domain.Caller;
import cn.jiandu.sharing.domain.DutyService;
import cn.jiandu.sharing.domain.PublishService;
import cn.jiandu.sharing.domain.Space;
import cn.jiandu.sharing.domain.SpaceAdmin;
import cn.jiandu.sharing.domain.SpaceRepository;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's pages: publish to several spaces; duty periods and who submitted on time, late, or not at all; per
 * space its members and quota.
 */
@Controller
class SharingAdminPages {

    private final Callers callers;
    private final SpaceRepository spaces;
    private final PublishService publisher;
    private final DutyService duty;
    private final UserDirectory users;
    private final MessageSource messages;
    private final SpaceAdmin spaceAdmin;

    private static final BigDecimal GIB = BigDecimal.valueOf(1024L * 1024 * 1024);
    private static final BigDecimal MAX_QUOTA_GB = BigDecimal.valueOf(1_000_000);
    /** Holders of a space's role listed on its page; the count shows all of them. */
    static final int SHOWN_BY_ROLE = 200;

    SharingAdminPages(Callers callers, SpaceRepository spaces, PublishService publisher, DutyService duty,
            UserDirectory users, MessageSource messages, SpaceAdmin spaceAdmin) {
        this.spaceAdmin = spaceAdmin;
        this.callers = callers;
        this.spaces = spaces;
        this.publisher = publisher;
        this.duty = duty;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/sharing/publish")
    @PreAuthorize("hasAuthority('sharing:manage')")
    String publishForm(Model model) {
        model.addAttribute("spaces", spaces.all());
        model.addAttribute("kinds", FolderKind.values());
        return "sharing/publish";
    }

    @PostMapping("/sharing/publish")
    @PreAuthorize("hasAuthority('sharing:manage')")
    String publish(JianduPrincipal me, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) FolderKind folderKind, @RequestParam(required = false) List<Long> spaceIds,
            RedirectAttributes redirect) {
        var locale = LocaleContextHolder.getLocale();
        try {
            if (file == null || file.isEmpty()) {
                throw ApiException.invalidField("file", "error.required");
            }
            int n;
            try (InputStream in = file.getInputStream()) {
                n = publisher.publish(callers.of(me), file.getOriginalFilename(), file.getSize(), in, folderKind,
                        spaceIds).size();
            }
            redirect.addFlashAttribute("notice", messages.getMessage("sharing.published", new Object[] {n}, locale));
        } catch (Refusal e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return "redirect:/sharing/publish";
    }

    @GetMapping("/sharing/duty")
    @PreAuthorize("hasAuthority('sharing:manage') or hasRole('LEADER')")
    String periods(Model model) {
        model.addAttribute("periods", duty.periods());
        model.addAttribute("types", DutyPeriodType.values());
        return "sharing/duty";
    }

    @PostMapping("/sharing/duty")
    @PreAuthorize("hasAuthority('sharing:manage')")
    String declare(JianduPrincipal me, @RequestParam String code, @RequestParam DutyPeriodType type,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
            RedirectAttributes redirect) {
        var locale = LocaleContextHolder.getLocale();
        try {
            duty.declare(callers.of(me), code, type, startsOn, dueOn);
            redirect.addFlashAttribute("notice", messages.getMessage("common.saved", null, locale));
        } catch (Refusal e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
        return "redirect:/sharing/duty";
    }

    /** A further space (beyond the three role spaces), with the four standard folders; members are added next. */
    @PostMapping("/sharing/spaces")
    @PreAuthorize("hasAuthority('sharing:manage')")
    String createSpace(@RequestParam(required = false) String name, RedirectAttributes redirect) {
        var locale = LocaleContextHolder.getLocale();
        try {
            long id = spaceAdmin.create(name);
            redirect.addFlashAttribute("notice", messages.getMessage("sharing.space.created", null, locale));
            return "redirect:/sharing/spaces/" + id + "/admin";
        } catch (Refusal e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
            return "redirect:/sharing";
        }
    }

    /** Per space: members (by role and added), add/remove one, the quota against what is used. */
    @GetMapping("/sharing/spaces/{id}/admin")
    @PreAuthorize("hasAuthority('sharing:manage')")
    String spaceAdmin(@PathVariable long id, HtmxRequest hx,
            Model model) {
        Space space = spaceAdmin.space(id);
        long used = spaces.usedBytes(id);
        model.addAttribute("space", space);
        model.addAttribute("usedText", Sizes.of(used));
        model.addAttribute("quotaText", Sizes.of(space.quotaBytes()));
        model.addAttribute("percent", space.quotaBytes() == 0 ? 100
                : (int) Math.min(100, Math.ceil(used * 100.0 / space.quotaBytes())));
        model.addAttribute("over", used > space.quotaBytes());
        model.addAttribute("quotaGb", new BigDecimal(space.quotaBytes()).divide(GIB, 2, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString());
        SpaceAdmin.Members members = spaceAdmin.members(id);
        model.addAttribute("byRole", members.byRole().stream().limit(SHOWN_BY_ROLE).toList());
        model.addAttribute("byRoleCount", members.byRole().size());
        model.addAttribute("shownByRole", SHOWN_BY_ROLE);
        model.addAttribute("added", members.added());
        return hx.fragmentOrPage("sharing/space-admin :: panel", "sharing/space-admin");
    }

    @PostMapping("/sharing/spaces/{id}/quota")
    @PreAuthorize("hasAuthority('sharing:manage')")
    String setQuota(@PathVariable long id, @RequestParam(required = false) String quotaGb,
            HtmxRequest hx, Model model,
            RedirectAttributes redirect) {
        return spaceChange(id, hx, model, redirect, "common.saved", () -> spaceAdmin.setQuota(id, gibToBytes(quotaGb)));
    }

    @PostMapping("/sharing/spaces/{id}/members")
    @PreAuthorize("hasAuthority('sharing:manage')")
    String addMember(@PathVariable long id, @RequestParam(required = false) String username,
            HtmxRequest hx, Model model,
            RedirectAttributes redirect) {
        return spaceChange(id, hx, model, redirect, "sharing.admin.added.done",
                () -> spaceAdmin.addMember(id, username));
    }

    @PostMapping("/sharing/spaces/{id}/members/{userId}/remove")
    @PreAuthorize("hasAuthority('sharing:manage')")
    String removeMember(@PathVariable long id, @PathVariable long userId,
            HtmxRequest hx, Model model,
            RedirectAttributes redirect) {
        return spaceChange(id, hx, model, redirect, "sharing.admin.removed.done",
                () -> spaceAdmin.removeMember(id, userId));
    }

    /** Applies a change; htmx gets the panel back with the outcome, a plain form a redirect (PRG) with a flash. */
    private String spaceChange(long id, HtmxRequest hx, Model model, RedirectAttributes redirect, String doneKey,
            Runnable change) {
        var locale = LocaleContextHolder.getLocale();
        String notice = null;
        String error = null;
        try {
            change.run();
            notice = messages.getMessage(doneKey, null, locale);
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND) {
                throw e;
            }
            error = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
        }
        if (hx.isHtmx()) {
            model.addAttribute("notice", notice);
            model.addAttribute("error", error);
            return spaceAdmin(id, hx, model);
        }
        redirect.addFlashAttribute(notice != null ? "notice" : "error", notice != null ? notice : error);
        return "redirect:/sharing/spaces/" + id + "/admin";
    }

    /** The form's GB (binary: 1 GB = 1024³ bytes, as the pages show sizes), 0 to 1,000,000. */
    private static long gibToBytes(String gb) {
        try {
            BigDecimal v = new BigDecimal(gb == null ? "" : gb.strip());
            if (v.signum() < 0 || v.compareTo(MAX_QUOTA_GB) > 0) {
                throw ApiException.invalidField("quotaGb", "error.invalidValue");
            }
            return v.multiply(GIB).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw ApiException.invalidField("quotaGb", "error.invalidValue");
        }
    }
}
