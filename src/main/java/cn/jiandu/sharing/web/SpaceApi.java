package cn.jiandu.sharing.web;

import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.ApiException;
import cn.jiandu.sharing.domain.FolderService;
import cn.jiandu.sharing.domain.SpaceAdmin;
import cn.jiandu.sharing.domain.SpaceRepository;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/spaces")
@Tag(name = "sharing", description = "共享平台 spaces, folders, files")
class SpaceApi {

    record SpaceForm(String name, Long quotaBytes) {
    }

    private final Browsing browsing;
    private final Callers callers;
    private final SpaceAdmin admin;
    private final SpaceRepository spaces;

    SpaceApi(Browsing browsing, Callers callers, SpaceAdmin admin, SpaceRepository spaces) {
        this.browsing = browsing;
        this.callers = callers;
        this.admin = admin;
        this.spaces = spaces;
    }

    /** The caller's spaces with their standard folders (a reference list). */
    @GetMapping
    List<Json.SpaceJson> list(JianduPrincipal me) {
        return browsing.spaces(callers.of(me));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('sharing:manage')")
    Json.SpaceJson create(@RequestBody SpaceForm form) {
        long id = admin.create(form.name());
        return browsing.json(spaces.find(id).orElseThrow());
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('sharing:manage')")
    Json.SpaceJson update(@PathVariable long id, @RequestBody SpaceForm form) {
        if (form.quotaBytes() == null || form.quotaBytes() < 0) {
            throw ApiException.invalidField("quotaBytes", "error.invalidValue");
        }
        admin.setQuota(id, form.quotaBytes());
        return browsing.json(spaces.find(id).orElseThrow());
    }

    @GetMapping("/{id}/members")
    @PreAuthorize("hasAuthority('sharing:manage')")
    List<String> members(@PathVariable long id) {
        return spaces.explicitMembers(admin.space(id).id()).stream().map(String::valueOf).toList();
    }

    @PutMapping("/{id}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('sharing:manage')")
    void addMember(@PathVariable long id, @PathVariable long userId) {
        admin.addMember(id, userId);
    }

    @DeleteMapping("/{id}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('sharing:manage')")
    void removeMember(@PathVariable long id, @PathVariable long userId) {
        admin.removeMember(id, userId);
    }
}
