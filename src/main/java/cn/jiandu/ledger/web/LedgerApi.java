package cn.jiandu.ledger.web;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.ledger.LedgerEntry;
import cn.jiandu.ledger.LedgerFigures;
import cn.jiandu.ledger.LedgerPeriod;
import cn.jiandu.ledger.domain.LedgerQueries;
import cn.jiandu.ledger.domain.LedgerRebuild;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.paging.Cursor;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.paging.PageSize;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ledger")
@Tag(name = "ledger", description = "履职成效记录台账")
class LedgerApi {

    record ItemJson(String appointmentId, String person, Role type, String unitName, LedgerFigures metrics) {
    }

    record PeriodJson(String period, LedgerFigures metrics, Map<String, List<String>> links) {
    }

    record HistoryJson(String appointmentId, String person, Role type, String unitName, List<PeriodJson> periods) {
    }

    record RebuildForm(String from, String to) {
    }

    private final LedgerQueries queries;
    private final LedgerRebuild rebuild;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final Clock clock;
    private final LedgerWorkbook export;

    LedgerApi(LedgerQueries queries, LedgerRebuild rebuild, UserDirectory users, OrgDirectory org, Clock clock,
            LedgerWorkbook export) {
        this.export = export;
        this.queries = queries;
        this.rebuild = rebuild;
        this.users = users;
        this.org = org;
        this.clock = clock;
    }

    /** A period's ledger (default: this quarter), the appointments the caller may read, by appointment id. */
    @GetMapping
    @PreAuthorize("hasAuthority('ledger:read')")
    CursorPage<ItemJson> list(@RequestParam(required = false) String period, @RequestParam(required = false) Role type,
            @RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String cursor, JianduPrincipal me) {
        LedgerPeriod p = period == null ? LedgerPeriod.holding(LocalDate.now(clock), LedgerPeriod.Granularity.QUARTER)
                : LedgerPeriod.parse(period);
        int n = PageSize.of(size);
        long after = cursor == null ? 0 : Cursor.decodeLong(cursor);
        List<LedgerEntry> rows = queries.page(p, type, unitId, queries.scope(me), after, n + 1);
        Map<Long, String> names = users.displayNames(rows.stream().map(LedgerEntry::userId).toList());
        return CursorPage.of(rows, n, e -> Cursor.encode(e.appointmentId())).map(e -> new ItemJson(
                String.valueOf(e.appointmentId()), names.get(e.userId()), e.type(), unitName(e.unitId()),
                e.figures()));
    }

    /** The period's ledger as .xlsx: the same rows as the list (scope, type, unit), all of them. */
    @GetMapping("/export.xlsx")
    @PreAuthorize("hasAuthority('ledger:read')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String period,
            @RequestParam(required = false) Role type, @RequestParam(required = false) Long unitId,
            JianduPrincipal me) {
        LedgerPeriod p = period == null ? LedgerPeriod.holding(LocalDate.now(clock), LedgerPeriod.Granularity.QUARTER)
                : LedgerPeriod.parse(period);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("履职成效记录台账-" + p.code()
                                + ".xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(export.export(p, type, unitId, queries.scope(me)));
    }

    /** One supervisor over time: the periods from {@code from} to {@code to}, of {@code from}'s granularity. */
    @GetMapping("/{appointmentId}")
    @PreAuthorize("hasAuthority('ledger:read')")
    HistoryJson history(@PathVariable long appointmentId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, JianduPrincipal me) {
        var a = queries.visible(appointmentId, queries.scope(me));
        LedgerPeriod current = LedgerPeriod.holding(LocalDate.now(clock), LedgerPeriod.Granularity.QUARTER);
        LedgerPeriod f = from == null ? current : LedgerPeriod.parse(from, "from");
        LedgerPeriod t = to == null ? f : LedgerPeriod.parse(to, "to");
        if (t.to().isBefore(f.from())) {
            throw Refusal.invalidField("to", "ledger.error.range");
        }
        List<PeriodJson> periods = new ArrayList<>();
        for (LedgerPeriod p : LedgerPeriod.range(f, t)) {
            periods.add(new PeriodJson(p.code(), queries.figures(a, p), queries.links(a.appointmentId(), p)));
        }
        return new HistoryJson(String.valueOf(a.appointmentId()), users.displayNames(List.of(a.userId())).get(a.userId()),
                a.type(), unitName(a.unitId()), periods);
    }

    /** Recomputes the ledger from the source modules (default: the last twelve months) and lists what differed. */
    @PostMapping("/rebuild")
    @PreAuthorize("hasAuthority('ledger:rebuild')")
    LedgerRebuild.Report rebuild(@RequestBody(required = false) RebuildForm form) {
        LocalDate today = LocalDate.now(clock);
        LocalDate f = form == null || form.from() == null ? today.minusMonths(12).withDayOfMonth(1)
                : LedgerPeriod.parse(form.from(), "from").from();
        LocalDate t = form == null || form.to() == null ? today : LedgerPeriod.parse(form.to(), "to").to();
        return rebuild.rebuild(f, t);
    }

    private String unitName(long id) {
        return org.find(id).map(OrgUnitView::name).orElse(null);
    }
}
