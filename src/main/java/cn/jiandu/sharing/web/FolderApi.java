package cn.jiandu.sharing.web;

import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.paging.PageSize;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.ApiException;
import cn.jiandu.sharing.domain.FolderService;
import cn.jiandu.sharing.domain.SharingService;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/folders")
@Tag(name = "sharing")
class FolderApi {

    record FolderForm(Long spaceId, Long parentId, String name) {
    }

    private final Browsing browsing;
    private final Callers callers;
    private final FolderService folders;
    private final SharingService sharing;

    FolderApi(Browsing browsing, Callers callers, FolderService folders, SharingService sharing) {
        this.browsing = browsing;
        this.callers = callers;
        this.folders = folders;
        this.sharing = sharing;
    }

    /** Folders first, then files; {@code sort} name|updatedAt|size, prefixed by - for descending; {@code q} by name. */
    @GetMapping("/{id}/entries")
    CursorPage<Json.EntryJson> entries(JianduPrincipal me, @PathVariable long id,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q) {
        return browsing.entries(callers.of(me), id, q, sort, cursor, PageSize.of(size));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Json.FolderJson create(JianduPrincipal me, @RequestBody FolderForm form) {
        if (form.spaceId() == null) {
            throw ApiException.invalidField("spaceId", "error.required");
        }
        return Json.FolderJson.of(folders.create(callers.of(me), form.spaceId(), form.parentId(), form.name()));
    }

    @PatchMapping("/{id}")
    Json.FolderJson rename(JianduPrincipal me, @PathVariable long id, @RequestBody FolderForm form) {
        return Json.FolderJson.of(folders.rename(callers.of(me), id, form.name()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(JianduPrincipal me, @PathVariable long id) {
        folders.delete(callers.of(me), id);
    }

    /** One-request upload (multipart part {@code file}); larger files go through /api/v1/uploads (tus). */
    @PostMapping("/{id}/files")
    @ResponseStatus(HttpStatus.CREATED)
    Json.FileJson upload(JianduPrincipal me, @PathVariable long id, @RequestPart(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String name) throws IOException {
        if (file == null) {
            throw ApiException.invalidField("file", "error.required");
        }
        String n = name != null && !name.isBlank() ? name : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            return Json.FileJson.of(sharing.upload(callers.of(me), id, n, file.getSize(), in));
        }
    }
}
