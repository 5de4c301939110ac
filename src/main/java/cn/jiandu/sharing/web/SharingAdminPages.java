package cn.jiandu.sharing.web;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.ApiException;
import cn.jiandu.sharing.DutyPeriodType;
import cn.jiandu.sharing.FolderKind;
import cn.jiandu.sharing.domain.Caller;
import cn.jiandu.sharing.domain.DutyService;
import cn.jiandu.sharing.domain.PublishService;
import cn.jiandu.sharing.domain.SpaceRepository;
import java.io.IOException;
import java.io.InputStream;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's pages: publish to several spaces; duty periods and who submitted on time, late, or not at all. */
@Controller
class SharingAdminPages {

    private final Callers callers;
    private final SpaceRepository spaces;
    private final PublishService publisher;
    private final DutyService duty;
    private final UserDirectory users;
    private final MessageSource messages;

    SharingAdminPages(Callers callers, SpaceRepository spaces, PublishService publisher, DutyService duty,
            UserDirectory users, MessageSource messages) {
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
        } catch (ApiException e) {
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
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
        return "redirect:/sharing/duty";
    }

    @GetMapping("/sharing/duty/{id}")
    @PreAuthorize("hasAuthority('sharing:manage') or hasRole('LEADER')")
    String submissions(JianduPrincipal me, @PathVariable long id, Model model) {
        Caller c = callers.of(me);
        model.addAttribute("period", duty.find(id).orElseThrow(ApiException::notFound));
        var rows = duty.submissions(c, id);
        model.addAttribute("rows", rows);
        model.addAttribute("spaceNames", spaces.all().stream()
                .collect(Collectors.toMap(s -> s.id(), s -> s.name())));
        Map<String, Long> counts = rows.stream().collect(Collectors.groupingBy(DutyService.Submission::status,
                Collectors.counting()));
        model.addAttribute("counts", counts);
        return "sharing/duty-period";
    }
}
