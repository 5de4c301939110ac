package cn.jiandu.assessment.web;

import cn.jiandu.assessment.domain.Dimension;
import cn.jiandu.assessment.domain.Grades;
import cn.jiandu.assessment.domain.Scheme;
import cn.jiandu.assessment.domain.SchemeDefinition;
import cn.jiandu.assessment.domain.SchemeService;
import cn.jiandu.shared.security.Role;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
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
@RequestMapping("/api/v1/assessment-schemes")
@Tag(name = "assessment", description = "考核套餐 per supervisor type and year")
class SchemeApi {

    /**
     * A scheme as the contract shows it; {@code version} counts the edits made after a published run used it,
     * {@code supersededBy} points to the newer version, {@code inUse} says a published run was computed with it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SchemeJson(String id, Role type, int year, int version, List<Dimension> dimensions, Grades grades,
            boolean inUse, String supersededBy, OffsetDateTime updatedAt) {

        static SchemeJson of(Scheme s) {
            SchemeDefinition d = s.definition();
            return new SchemeJson(String.valueOf(s.id()), d.type(), d.year(), s.version(), d.dimensions(), d.grades(),
                    s.inUse(), s.supersededBy() == null ? null : String.valueOf(s.supersededBy()),
                    s.updatedAt().atOffset(java.time.ZoneOffset.ofHours(8)));
        }
    }

    private final SchemeService schemes;

    SchemeApi(SchemeService schemes) {
        this.schemes = schemes;
    }

    /** The current scheme of every type and year (a reference list), optionally of one year. */
    @GetMapping
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    List<SchemeJson> list(@RequestParam(required = false) Integer year) {
        return schemes.current(year).stream().map(SchemeJson::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    SchemeJson get(@PathVariable long id) {
        return SchemeJson.of(schemes.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('assessment:scheme-edit')")
    SchemeJson create(@RequestBody SchemeDefinition body) {
        return SchemeJson.of(schemes.create(body));
    }

    /** Replaces dimensions and grades; a scheme in use answers with its new version (another id). */
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('assessment:scheme-edit')")
    SchemeJson update(@PathVariable long id, @RequestBody SchemeDefinition body) {
        return SchemeJson.of(schemes.update(id, body));
    }
}
