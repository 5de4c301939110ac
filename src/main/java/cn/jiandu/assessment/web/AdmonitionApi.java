package cn.jiandu.assessment.web;

import cn.jiandu.assessment.AdmonitionStatus;
import cn.jiandu.assessment.domain.Admonition;
import cn.jiandu.assessment.domain.Admonitions;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.paging.Cursor;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.paging.PageSize;
import cn.jiandu.shared.security.JianduPrincipal;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admonitions")
@Tag(name = "assessment", description = "约谈: talks for 不合格 results, tracked until closed")
class AdmonitionApi {

    record ActionForm(String action, LocalDate date, String summary, String followUp) {
    }

    record AdmonitionJson(String id, String appointmentId, String person, String assessmentId, String period,
            AdmonitionStatus status, LocalDate scheduledOn, LocalDate heldOn, String summary, String followUp,
            LocalDate followUpCheckedOn, String followUpCheck, OffsetDateTime updatedAt) {
    }

    private final Admonitions admonitions;
    private final UserDirectory users;

    AdmonitionApi(Admonitions admonitions, UserDirectory users) {
        this.admonitions = admonitions;
        this.users = users;
    }

    /** The office and leaders: all; a supervisor: his own. Newest first. */
    @GetMapping
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    CursorPage<AdmonitionJson> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String cursor,
            JianduPrincipal me) {
        int n = PageSize.of(size);
        long before = cursor == null ? Long.MAX_VALUE : Cursor.decodeLong(cursor);
        List<Admonition> rows = admonitions.list(status(status), me, before, n + 1);
        Map<Long, String> names = users.displayNames(rows.stream().map(Admonition::userId).distinct().toList());
        return CursorPage.of(rows, n, a -> Cursor.encode(a.id())).map(a -> json(a, names.get(a.userId())));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    AdmonitionJson get(@PathVariable long id, JianduPrincipal me) {
        return json(admonitions.readable(id, me));
    }

    @PostMapping("/{id}/actions")
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    AdmonitionJson act(@PathVariable long id, @RequestBody ActionForm form, JianduPrincipal me) {
        return json(admonitions.act(id, form.action(), form.date(), form.summary(), form.followUp(), me));
    }

    private AdmonitionJson json(Admonition a) {
        return json(a, users.displayNames(List.of(a.userId())).get(a.userId()));
    }

    static AdmonitionJson json(Admonition a, String person) {
        return new AdmonitionJson(String.valueOf(a.id()), String.valueOf(a.appointmentId()), person,
                String.valueOf(a.runId()), a.period(), a.status(), a.scheduledOn(), a.heldOn(), a.summary(),
                a.followUp(), a.followUpCheckedOn(), a.followUpCheck(), AssessmentApi.at(a.updatedAt()));
    }

    static AdmonitionStatus status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return AdmonitionStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalidField("status", "error.invalidValue");
        }
    }
}
