package cn.jiandu.org.web;

import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.domain.OrgUnitService;
import cn.jiandu.shared.web.ApiException;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/org-units")
@Tag(name = "org", description = "组织架构 org tree")
class OrgUnitApi {

    private final OrgDirectory directory;
    private final OrgUnitService service;

    OrgUnitApi(OrgDirectory directory, OrgUnitService service) {
        this.directory = directory;
        this.service = service;
    }

    /** A short reference list: every signed-in user may read the tree (to pick the unit a report concerns). */
    @GetMapping
    List<OrgUnitJson> list() {
        return directory.all().stream().map(OrgUnitJson::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('org:manage')")
    OrgUnitJson create(@Valid @RequestBody OrgUnitForm form) {
        if (form.type() == null) {
            throw ApiException.invalidField("type", "error.required");
        }
        return OrgUnitJson.of(service.create(form.parentId(), form.name(), form.type(), form.sortOrderOrZero()));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('org:manage')")
    OrgUnitJson update(@PathVariable long id, @Valid @RequestBody OrgUnitForm form) {
        return OrgUnitJson.of(service.update(id, form.name(), form.parentId(), form.sortOrderOrZero(),
                form.enabled() == null || form.enabled()));
    }
}
