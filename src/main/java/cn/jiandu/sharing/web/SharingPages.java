package cn.jiandu.sharing.web;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.ApiException;
import cn.jiandu.shared.web.HtmxRequest;
import cn.jiandu.shared.web.SendfileResponses;
import cn.jiandu.sharing.domain.Actions;
import cn.jiandu.sharing.domain.Caller;
import cn.jiandu.sharing.domain.Downloads;
import cn.jiandu.sharing.domain.DutyRoster;
import cn.jiandu.sharing.domain.DutyService;
import cn.jiandu.sharing.domain.Entry;
import cn.jiandu.sharing.domain.Folder;
import cn.jiandu.sharing.domain.FolderRepository;
import cn.jiandu.sharing.domain.FolderService;
import cn.jiandu.sharing.domain.Guard;
import cn.jiandu.sharing.domain.SharingProperties;
import cn.jiandu.sharing.domain.SharingService;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 共享平台 pages: spaces, folder browser (full page or htmx fragment), file page, recycle bin. */
@Controller
class SharingPages {

    /** A listed entry with what the page needs besides the API record. */
    record Row(Json.EntryJson e, String ownerName, String sizeText) {
        public boolean can(String action) {
            return e.allowedActions().contains(action);
        }
    }

    private final Browsing browsing;
    private final Callers callers;
    private final Guard guard;
    private final FolderRepository folders;
    private final FolderService folderService;
    private final SharingService sharing;
    private final Downloads downloads;
    private final UserDirectory users;
    private final MessageSource messages;
    private final SharingProperties props;
    private final SendfileResponses sendfile;
    private final DutyRoster roster;
    private final DutyService duty;

    SharingPages(Browsing browsing, Callers callers, Guard guard, FolderRepository folders,
            FolderService folderService, SharingService sharing, Downloads downloads, UserDirectory users,
            MessageSource messages, SharingProperties props, SendfileResponses sendfile, DutyRoster roster,
            DutyService duty) {
        this.roster = roster;
        this.duty = duty;
        this.sendfile = sendfile;
        this.browsing = browsing;
        this.callers = callers;
        this.guard = guard;
        this.folders = folders;
        this.folderService = folderService;
        this.sharing = sharing;
        this.downloads = downloads;
        this.users = users;
        this.messages = messages;
        this.props = props;
    }

    @GetMapping("/sharing")
    String spaces(JianduPrincipal me, Model model) {
        Caller c = callers.of(me);
        model.addAttribute("spaces", browsing.spaces(c));
        model.addAttribute("admin", c.admin());
        return "sharing/spaces";
    }

    @GetMapping("/sharing/folders/{id}")
    String folder(JianduPrincipal me, @PathVariable long id, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
            HtmxRequest hx, Model model) {
        Caller c = callers.of(me);
        Folder f = guard.folder(c, id);
        CursorPage<Json.EntryJson> page = browsing.entries(c, id, q, sort, cursor, 50);
        Set<Long> owners = new HashSet<>();
        page.items().forEach(e -> {
            if (e.ownerId() != null) {
                owners.add(Long.parseLong(e.ownerId()));
            }
        });
        Map<Long, String> names = users.displayNames(owners);
        model.addAttribute("rows", page.items().stream().map(e -> new Row(e,
                e.ownerId() == null ? "" : names.getOrDefault(Long.parseLong(e.ownerId()), ""),
                "FILE".equals(e.type()) ? Sizes.of(e.size()) : "")).toList());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("folder", f);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("sort", sort == null ? "name" : sort);
        model.addAttribute("sorts", List.of("name", "-name", "-updatedAt", "updatedAt", "-size", "size"));
        if (hx.isHtmx() && cursor != null) {
            return "sharing/folder :: rows";
        }
        Json.SpaceJson space = browsing.spaces(c).stream().filter(s -> s.id().equals(Long.toString(f.spaceId())))
                .findFirst().orElseThrow(ApiException::notFound);
        model.addAttribute("space", space);
        model.addAttribute("usedText", Sizes.of(space.usedBytes()));
        model.addAttribute("quotaText", Sizes.of(space.quotaBytes()));
        model.addAttribute("path", browsing.path(f));
        model.addAttribute("folderActions", Actions.forFolder(c, f));
        model.addAttribute("moveTargets", folders.liveInSpace(f.spaceId()).stream()
                .filter(t -> c.admin() || !t.isStandard() || t.area() != null).toList());
        model.addAttribute("maxRequestBytes", props.maxRequestBytes());
        if (f.dutyPeriodId() != null) {
            // a period's folder: its due date, and for those who must submit their own state
            model.addAttribute("dutyPeriod", duty.find(f.dutyPeriodId()).orElse(null));
            model.addAttribute("ownDuty", roster.own(me, f.dutyPeriodId()).orElse(null));
        }
        return hx.fragmentOrPage("sharing/folder :: listing", "sharing/folder");
    }

    @PostMapping("/sharing/folders/{id}/files")
    String upload(JianduPrincipal me, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) {
        return act(redirect, "sharing.done.uploaded", "/sharing/folders/" + id, () -> {
            if (file == null || file.isEmpty()) {
                throw ApiException.invalidField("file", "error.required");
            }
            try (InputStream in = file.getInputStream()) {
                return sharing.upload(callers.of(me), id, file.getOriginalFilename(), file.getSize(), in);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @PostMapping("/sharing/folders/{id}/subfolders")
    String createFolder(JianduPrincipal me, @PathVariable long id, @RequestParam String name,
            RedirectAttributes redirect) {
        Caller c = callers.of(me);
        Folder parent = guard.folder(c, id);
        return act(redirect, "sharing.done.saved", "/sharing/folders/" + id,
                () -> folderService.create(c, parent.spaceId(), id, name));
    }

    @PostMapping("/sharing/folders/{id}/rename")
    String renameFolder(JianduPrincipal me, @PathVariable long id, @RequestParam String name,
            RedirectAttributes redirect) {
        return act(redirect, "sharing.done.saved", "/sharing/folders/" + id,
                () -> folderService.rename(callers.of(me), id, name));
    }

    @PostMapping("/sharing/folders/{id}/delete")
    String deleteFolder(JianduPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
        Caller c = callers.of(me);
        Folder f = guard.folder(c, id);
        String back = "/sharing/folders/" + (f.parentId() == null ? id : f.parentId());
        return act(redirect, "sharing.done.deleted", back, () -> {
            folderService.delete(c, id);
            return null;
        });
    }

    @GetMapping("/sharing/files/{id}")
    String file(JianduPrincipal me, @PathVariable long id, Model model) {
        Caller c = callers.of(me);
        Entry e = guard.entry(c, id);
        model.addAttribute("file", e);
        model.addAttribute("sizeText", Sizes.of(e.size()));
        model.addAttribute("ownerName", users.displayNames(List.of(e.ownerId())).getOrDefault(e.ownerId(), ""));
        model.addAttribute("actions", Actions.forFile(c, e.spaceId(), e.ownerId(), e.previewable()));
        model.addAttribute("versions", sharing.versions(c, id));
        model.addAttribute("folder", folders.find(e.folderId()).orElseThrow());
        return "sharing/file";
    }

    /** The same bytes as the API, for the signed-in browser (session, not bearer). */
    @GetMapping("/sharing/files/{id}/content")
    ResponseEntity<?> content(JianduPrincipal me, @PathVariable long id,
            @RequestParam(required = false) Integer version, @RequestParam(defaultValue = "false") boolean inline,
            @RequestHeader(value = HttpHeaders.RANGE, required = false) String range, HttpServletRequest request) {
        return sendfile.serve(request, ContentResponses.of(downloads.open(callers.of(me), id, version, inline,
                ContentResponses.firstRequest(range)), inline));
    }

    @PostMapping("/sharing/files/{id}/rename")
    String rename(JianduPrincipal me, @PathVariable long id, @RequestParam String name, RedirectAttributes redirect) {
        Caller c = callers.of(me);
        Entry e = guard.entry(c, id);
        return act(redirect, "sharing.done.saved", "/sharing/folders/" + e.folderId(),
                () -> sharing.update(c, id, name, null));
    }

    @PostMapping("/sharing/files/{id}/move")
    String move(JianduPrincipal me, @PathVariable long id, @RequestParam long folderId,
            RedirectAttributes redirect) {
        Caller c = callers.of(me);
        Entry e = guard.entry(c, id);
        return act(redirect, "sharing.done.saved", "/sharing/folders/" + e.folderId(),
                () -> sharing.update(c, id, null, folderId));
    }

    @PostMapping("/sharing/files/{id}/delete")
    String delete(JianduPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
        Caller c = callers.of(me);
        Entry e = guard.entry(c, id);
        return act(redirect, "sharing.done.deleted", "/sharing/folders/" + e.folderId(), () -> {
            sharing.delete(c, id);
            return null;
        });
    }

    @PostMapping("/sharing/files/{id}/versions/{versionNo}/restore")
    String restoreVersion(JianduPrincipal me, @PathVariable long id, @PathVariable int versionNo,
            RedirectAttributes redirect) {
        return act(redirect, "sharing.done.restored", "/sharing/files/" + id,
                () -> sharing.restoreVersion(callers.of(me), id, versionNo));
    }

    @GetMapping("/sharing/bin")
    String bin(JianduPrincipal me, Model model) {
        Caller c = callers.of(me);
        List<Entry> binned = sharing.bin(c);
        Map<Long, String> names = users.displayNames(binned.stream().map(Entry::ownerId).toList());
        model.addAttribute("items", binned.stream().map(e -> Map.of("file", e, "owner",
                names.getOrDefault(e.ownerId(), ""), "size", Sizes.of(e.size()), "deletedAt", Json.at(e.deletedAt()),
                "purgeAt", Json.at(sharing.purgeAt(e)))).toList());
        model.addAttribute("binDays", props.binDays());
        return "sharing/bin";
    }

    @PostMapping("/sharing/bin/{id}/restore")
    String restore(JianduPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "sharing.done.restored", "/sharing/bin", () -> sharing.restore(callers.of(me), id));
    }

    /** Runs a change; on a refusal the message is flashed instead; either way back to {@code back} (PRG). */
    private String act(RedirectAttributes redirect, String doneKey, String back, Supplier<Object> change) {
        var locale = LocaleContextHolder.getLocale();
        try {
            change.get();
            redirect.addFlashAttribute("notice", messages.getMessage(doneKey, null, locale));
        } catch (Refusal e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
        return "redirect:" + back;
    }
}
