package cn.jiandu.sharing.web;

import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.ApiException;
import cn.jiandu.shared.web.SendfileResponses;
import cn.jiandu.sharing.FolderKind;
import cn.jiandu.sharing.domain.Downloads;
import cn.jiandu.sharing.domain.Guard;
import cn.jiandu.sharing.domain.PublishService;
import cn.jiandu.sharing.domain.SharingService;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/files")
@Tag(name = "sharing")
class FileApi {

    record FileForm(String name, Long folderId) {
    }

    private final Callers callers;
    private final SharingService sharing;
    private final Downloads downloads;
    private final PublishService publisher;
    private final Guard guard;
    private final SendfileResponses sendfile;

    FileApi(Callers callers, SharingService sharing, Downloads downloads, PublishService publisher, Guard guard,
            SendfileResponses sendfile) {
        this.sendfile = sendfile;
        this.callers = callers;
        this.sharing = sharing;
        this.downloads = downloads;
        this.publisher = publisher;
        this.guard = guard;
    }

    @GetMapping("/{id}")
    Json.FileJson get(JianduPrincipal me, @PathVariable long id) {
        return Json.FileJson.of(guard.entry(callers.of(me), id));
    }

    /**
     * The bytes (HTTP Range supported); {@code inline=true} previews images, PDF and MP4, attachment otherwise. Sent
     * with the kernel's sendfile where the connector allows it ({@link SendfileResponses}).
     */
    @GetMapping("/{id}/content")
    ResponseEntity<?> content(JianduPrincipal me, @PathVariable long id,
            @RequestParam(required = false) Integer version, @RequestParam(defaultValue = "false") boolean inline,
            @RequestHeader(value = HttpHeaders.RANGE, required = false) String range, HttpServletRequest request) {
        return sendfile.serve(request, ContentResponses.of(downloads.open(callers.of(me), id, version, inline,
                ContentResponses.firstRequest(range)), inline));
    }

    /** Rename and/or move within the same space; the owner or the admin only. */
    @PatchMapping("/{id}")
    Json.FileJson update(JianduPrincipal me, @PathVariable long id, @RequestBody FileForm form) {
        if (form.name() == null && form.folderId() == null) {
            throw ApiException.invalidField("name", "error.required");
        }
        return Json.FileJson.of(sharing.update(callers.of(me), id, form.name(), form.folderId()));
    }

    /** Moves the file to the recycle bin. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(JianduPrincipal me, @PathVariable long id) {
        sharing.delete(callers.of(me), id);
    }

    @GetMapping("/{id}/versions")
    List<Json.VersionJson> versions(JianduPrincipal me, @PathVariable long id) {
        return sharing.versions(callers.of(me), id).stream().map(Json.VersionJson::of).toList();
    }

    @PostMapping("/{id}/versions/{versionNo}/restore")
    Json.FileJson restoreVersion(JianduPrincipal me, @PathVariable long id, @PathVariable int versionNo) {
        return Json.FileJson.of(sharing.restoreVersion(callers.of(me), id, versionNo));
    }

    /** Admin: one upload placed into the standard folder {@code folderKind} of every space in {@code spaceIds}. */
    @PostMapping("/publish")
    @ResponseStatus(HttpStatus.CREATED)
    @org.springframework.security.access.prepost.PreAuthorize("hasAuthority('sharing:manage')")
    List<Json.FileJson> publish(JianduPrincipal me, @RequestPart(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String folderKind, @RequestParam(required = false) List<Long> spaceIds,
            @RequestParam(required = false) String name) throws IOException {
        FolderKind kind;
        try {
            kind = folderKind == null ? null : FolderKind.valueOf(folderKind);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("folderKind", "error.invalidValue");
        }
        if (file == null) {
            throw ApiException.invalidField("file", "error.required");
        }
        String n = name != null && !name.isBlank() ? name : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            return publisher.publish(callers.of(me), n, file.getSize(), in, kind, spaceIds).stream()
                    .map(Json.FileJson::of).toList();
        }
    }
}
