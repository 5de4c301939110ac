package cn.jiandu.identity.web;

import cn.jiandu.identity.domain.UserImport;
import cn.jiandu.identity.domain.UserRepository;
import cn.jiandu.identity.domain.UserService;
import cn.jiandu.shared.paging.Cursor;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.paging.PageSize;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.web.ApiException;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasAuthority('user:manage')")
@Tag(name = "users", description = "用户管理 user administration")
class UserApi {

    private final UserRepository users;
    private final UserService service;

    private final UserImport imports;

    UserApi(UserRepository users, UserService service, UserImport imports) {
        this.users = users;
        this.service = service;
        this.imports = imports;
    }

    @GetMapping
    CursorPage<UserJson> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) Long orgUnitId, @RequestParam(required = false) Role role,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String cursor) {
        int n = PageSize.of(size);
        long after = cursor == null ? 0 : Cursor.decodeLong(cursor);
        return CursorPage.of(users.page(q, orgUnitId, role, after, n + 1), n, u -> Cursor.encode(u.id()))
                .map(UserJson::of);
    }

    @GetMapping("/{id}")
    UserJson get(@PathVariable long id) {
        return users.findById(id).map(UserJson::of).orElseThrow(ApiException::notFound);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserJson create(@RequestBody UserForm form) {
        return UserJson.of(service.create(form.toCommand()));
    }

    @PutMapping("/{id}")
    UserJson update(@PathVariable long id, @RequestBody UserForm form) {
        return UserJson.of(service.update(id, form.toCommand()));
    }

    /** The .xlsx template: header row, and a sheet listing org units (id, full path) and role codes. */
    @GetMapping("/import-template")
    ResponseEntity<byte[]> importTemplate() {
        return UserPages.xlsx(imports.template());
    }

    /** All rows or none: 400 with {@code rows} listing every bad row, or the number of accounts created. */
    @PostMapping("/import")
    Map<String, Integer> importUsers(@RequestPart(value = "file", required = false) MultipartFile file)
            throws IOException {
        UserPages.checkUpload(file);
        try (var in = file.getInputStream()) {
            return Map.of("imported", imports.importFile(in));
        }
    }

    /** Returns the one-time password once; the user must change it at next login. */
    @PostMapping("/{id}/password-reset")
    Map<String, String> resetPassword(@PathVariable long id) {
        return Map.of("oneTimePassword", service.resetPassword(id));
    }
}
