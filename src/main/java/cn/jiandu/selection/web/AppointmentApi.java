package cn.jiandu.selection.web;

import cn.jiandu.selection.AppointmentEnded.EndReason;
import cn.jiandu.selection.AppointmentOrigin;
import cn.jiandu.selection.domain.Appointment;
import cn.jiandu.selection.domain.AppointmentQueries;
import cn.jiandu.selection.domain.AppointmentQueries.CoverageRow;
import cn.jiandu.selection.domain.AppointmentQueries.Filter;
import cn.jiandu.selection.domain.AppointmentQueries.Item;
import cn.jiandu.selection.domain.AppointmentQueries.StatsRow;
import cn.jiandu.selection.domain.AppointmentService;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.paging.PageSize;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 监督员名册: the register, one appointment, ending it, the coverage view, the stats and the .xlsx export. */
@RestController
@RequestMapping("/api/v1/appointments")
@Tag(name = "selection", description = "组织链: 聘任与监督员名册")
class AppointmentApi {

    /** The wire form of an appointment ({@code origin} NOMINATION for one made through the seven steps). */
    record AppointmentJson(String id, String number, String userId, String person, Role type, String scopeUnitId,
            String scopeUnitName, LocalDate termStart, LocalDate termEnd, Appointment.Status status, String origin,
            String nominationId, boolean termConfirmed, boolean expiringSoon, LocalDate endedOn, EndReason endReason,
            String endNote, CertificateJson certificate) {

        static AppointmentJson of(Item i) {
            Appointment a = i.appointment();
            return new AppointmentJson(String.valueOf(a.id()), a.number(), String.valueOf(a.userId()), i.person(),
                    a.type(), String.valueOf(a.scopeUnitId()), i.scopeUnitName(), a.termStart(), a.termEnd(),
                    i.status(), a.origin() == AppointmentOrigin.SELECTED ? "NOMINATION" : "IMPORTED",
                    a.nominationId() == null ? null : String.valueOf(a.nominationId()), a.termConfirmed(),
                    i.expiringSoon(), a.endedOn(), a.endReason(), a.endNote(),
                    i.certificate() == null ? null : new CertificateJson(i.certificate().number(),
                            i.certificate().issuedOn(), "/verify/" + i.certificate().code()));
        }
    }

    record CertificateJson(String number, LocalDate issuedOn, String verifyUrl) {
    }

    /**
     * Ending early.
     *
     * @param kind DISMISSED (免职, the default), TERMINATED (解聘) or RESIGNED (辞任)
     */
    record EndForm(String reason, LocalDate endDate, EndReason kind) {
    }

    record TermForm(LocalDate termStart, LocalDate termEnd) {
    }

    record HolderJson(String appointmentId, String number, String userId, String person, LocalDate termEnd) {
    }

    record CoverageJson(String unitId, String unitName, String unitType, Role type, List<HolderJson> holders,
            boolean gap, String groupUnitId, String groupUnitName) {

        static CoverageJson of(CoverageRow r) {
            return new CoverageJson(String.valueOf(r.unitId()), r.unitName(), r.unitType().name(), r.type(),
                    r.holders().stream().map(h -> new HolderJson(String.valueOf(h.appointmentId()), h.number(),
                            String.valueOf(h.userId()), h.person(), h.termEnd())).toList(), r.gap(),
                    r.groupUnitId() == null ? null : String.valueOf(r.groupUnitId()), r.groupUnitName());
        }
    }

    private final AppointmentQueries queries;
    private final AppointmentService service;
    private final AppointmentExport export;

    AppointmentApi(AppointmentQueries queries, AppointmentService service, AppointmentExport export) {
        this.queries = queries;
        this.service = service;
        this.export = export;
    }

    static Filter filter(Role type, Long unitId, Long userId, Appointment.Status status, Integer expiringWithinDays) {
        if (type != null && !type.isSupervisor()) {
            throw Refusal.invalidField("type", "appointment.error.type");
        }
        return new Filter(type, unitId, userId, status, expiringWithinDays);
    }

    @GetMapping
    CursorPage<AppointmentJson> list(JianduPrincipal me, @RequestParam(required = false) Role type,
            @RequestParam(required = false) Long unitId, @RequestParam(required = false) Long userId,
            @RequestParam(required = false) Appointment.Status status,
            @RequestParam(required = false) Integer expiringWithinDays, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String cursor) {
        return queries.list(me, filter(type, unitId, userId, status, expiringWithinDays), PageSize.of(size), cursor)
                .map(AppointmentJson::of);
    }

    @GetMapping("/{id}")
    AppointmentJson detail(JianduPrincipal me, @PathVariable long id) {
        return AppointmentJson.of(queries.detail(me, id));
    }

    @PostMapping(value = "/{id}/end", consumes = MediaType.APPLICATION_JSON_VALUE)
    AppointmentJson end(JianduPrincipal me, @PathVariable long id, @RequestBody EndForm body) {
        queries.detail(me, id);
        if (!me.can(cn.jiandu.selection.SelectionPermissions.APPOINTMENT_MANAGE)) {
            throw Refusal.forbidden();
        }
        EndReason kind = body.kind() == null ? EndReason.DISMISSED : body.kind();
        if (kind == EndReason.TERM_OVER) {
            throw Refusal.invalidField("kind", "appointment.error.kind");
        }
        service.end(id, kind, body.reason(), body.endDate(), me.id());
        return AppointmentJson.of(queries.detail(me, id));
    }

    @PutMapping(value = "/{id}/term", consumes = MediaType.APPLICATION_JSON_VALUE)
    AppointmentJson term(JianduPrincipal me, @PathVariable long id, @RequestBody TermForm body) {
        queries.detail(me, id);
        if (!me.can(cn.jiandu.selection.SelectionPermissions.APPOINTMENT_MANAGE)) {
            throw Refusal.forbidden();
        }
        if (body.termStart() == null) {
            throw Refusal.invalidField("termStart", "error.required");
        }
        service.completeTerm(id, body.termStart(), body.termEnd());
        return AppointmentJson.of(queries.detail(me, id));
    }

    @GetMapping("/coverage")
    @PreAuthorize("hasAnyAuthority('appointment:read-all', 'appointment:read-subtree')")
    List<CoverageJson> coverage(JianduPrincipal me, @RequestParam(required = false) Long unitId) {
        return queries.coverage(me, unitId).stream().map(CoverageJson::of).toList();
    }

    @GetMapping("/stats")
    @PreAuthorize("hasAuthority('appointment:read-all')")
    List<StatsRow> stats(JianduPrincipal me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return queries.stats(me, from, to);
    }

    @GetMapping("/export.xlsx")
    @PreAuthorize("hasAnyAuthority('appointment:read-all', 'appointment:read-subtree')")
    void exportXlsx(JianduPrincipal me, @RequestParam(required = false) Role type,
            @RequestParam(required = false) Long unitId, @RequestParam(required = false) Long userId,
            @RequestParam(required = false) Appointment.Status status,
            @RequestParam(required = false) Integer expiringWithinDays, HttpServletResponse response)
            throws IOException {
        export.write(me, filter(type, unitId, userId, status, expiringWithinDays), response);
    }
}
