package cn.jiandu.selection.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.selection.PerformanceGrade;
import cn.jiandu.selection.PoliticalStatus;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.Upload;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 人员档案: read by HR, the office, the leaders, the reviewers of a nomination for that person and the person
 * himself; kept by HR (a reviewer of 人力资源部) and the office. Import from .xlsx: all rows or none.
 */
@Service
public class ProfileService {

    /** The .xlsx import's columns (row 1 is the header, as in the template). */
    public static final List<String> COLUMNS = List.of("username", "politicalStatus", "partyJoinDate", "post",
            "frontlineYears", "disciplinaryRecord", "performance");

    private final ProfileRepository profiles;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProfileService(ProfileRepository profiles, UserDirectory users, OrgDirectory org, AuditTrail audit,
            JdbcClient jdbc, Clock clock) {
        this.profiles = profiles;
        this.users = users;
        this.org = org;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** HR: a reviewer of 人力资源部. */
    boolean isHr(JianduPrincipal me) {
        if (!me.has(Role.REVIEWER)) {
            return false;
        }
        return org.find(me.orgUnitId()).map(OrgUnitView::name).filter("人力资源部"::equals).isPresent();
    }

    public boolean mayEdit(JianduPrincipal me) {
        return me.isAdmin() || isHr(me);
    }

    /** HR, the office, leaders, himself, or an owner of a reached step of a nomination of him. */
    public boolean mayRead(JianduPrincipal me, long userId) {
        if (me.id() == userId || me.seesEverything() || isHr(me)) {
            return true;
        }
        return reviewsNominationOf(me, userId);
    }

    private boolean reviewsNominationOf(JianduPrincipal me, long userId) {
        if (me.roles().isEmpty()) {
            return false;
        }
        return jdbc.sql("SELECT COUNT(*) FROM nomination n WHERE n.candidate_id = :cand AND ("
                        + NominationQueries.READER_CONDITION + ")")
                .params(NominationQueries.readerParams(me)).param("cand", userId).query(Long.class).single() > 0;
    }

    @Transactional(readOnly = true)
    public Optional<Profile> read(JianduPrincipal me, long userId) {
        if (users.find(userId).isEmpty() || !mayRead(me, userId)) {
            throw Refusal.notFound();
        }
        return profiles.find(userId);
    }

    /** For the criteria: the profile with no access check (the caller has one). */
    Optional<Profile> of(long userId) {
        return profiles.find(userId);
    }

    @Transactional
    public Profile save(JianduPrincipal me, Profile p) {
        if (users.find(p.userId()).isEmpty() || !mayRead(me, p.userId())) {
            throw Refusal.notFound();
        }
        if (!mayEdit(me)) {
            throw Refusal.forbidden();
        }
        validate(p, -1).ifPresent(e -> {
            throw Refusal.invalidField(e.field(), e.messageKey());
        });
        profiles.save(p, clock.instant(), me.id());
        audit.record("profile.save", "user", p.userId(), Outcome.SUCCESS, p.politicalStatus() + " frontline "
                + p.frontlineYears() + " grades " + p.performance() + " disciplinary " + p.disciplinaryRecord());
        return profiles.find(p.userId()).orElseThrow();
    }

    private Optional<Refusal.FieldError> validate(Profile p, int row) {
        if (p.politicalStatus() == null) {
            return Optional.of(new Refusal.FieldError("politicalStatus", "error.required"));
        }
        if (p.frontlineYears() < 0 || p.frontlineYears() > 60) {
            return Optional.of(new Refusal.FieldError("frontlineYears", "profile.error.frontlineYears"));
        }
        int thisYear = LocalDate.now(clock).getYear();
        for (Integer y : p.performance().keySet()) {
            if (y < 1950 || y > thisYear) {
                return Optional.of(new Refusal.FieldError("performance", "profile.error.year"));
            }
        }
        if (p.partyJoinDate() != null && p.partyJoinDate().isAfter(LocalDate.now(clock))) {
            return Optional.of(new Refusal.FieldError("partyJoinDate", "profile.error.future"));
        }
        if (p.post() != null && p.post().length() > 100) {
            return Optional.of(new Refusal.FieldError("post", "profile.error.post"));
        }
        return Optional.empty();
    }

    /**
     * Imports profiles from .xlsx (columns {@link #COLUMNS}; performance as {@code 2023:GOOD;2024:EXCELLENT}, grades
     * by code or Chinese name). Every bad row is listed and nothing is imported; returns the number of rows saved.
     */
    @Transactional
    public int importXlsx(JianduPrincipal me, Upload file) {
        if (!mayEdit(me)) {
            throw Refusal.forbidden();
        }
        List<Refusal.RowError> errors = new ArrayList<>();
        Map<Long, Profile> parsed = new LinkedHashMap<>();
        try (InputStream in = file.open(); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row r = sheet.getRow(i);
                if (r == null || blank(r, fmt)) {
                    continue;
                }
                int rowNo = i + 1;
                String username = text(r, 0, fmt);
                Optional<UserView> u = username.isEmpty() ? Optional.empty() : users.findByUsername(username);
                if (u.isEmpty()) {
                    errors.add(new Refusal.RowError(rowNo, "username", "profile.import.unknownUser", username));
                    continue;
                }
                if (parsed.containsKey(u.get().id())) {
                    errors.add(new Refusal.RowError(rowNo, "username", "profile.import.duplicate", username));
                    continue;
                }
                try {
                    PoliticalStatus ps = political(text(r, 1, fmt));
                    LocalDate joined = date(r.getCell(2), fmt);
                    String post = text(r, 3, fmt);
                    int years = Integer.parseInt(text(r, 4, fmt).replaceAll("\\.0+$", ""));
                    boolean disc = bool(text(r, 5, fmt));
                    Map<Integer, PerformanceGrade> perf = performance(text(r, 6, fmt));
                    Profile p = new Profile(u.get().id(), ps, joined, post.isEmpty() ? null : post, years, perf,
                            disc);
                    Optional<Refusal.FieldError> bad = validate(p, rowNo);
                    if (bad.isPresent()) {
                        errors.add(new Refusal.RowError(rowNo, bad.get().field(), bad.get().messageKey()));
                    } else {
                        parsed.put(p.userId(), p);
                    }
                } catch (BadCell e) {
                    errors.add(new Refusal.RowError(rowNo, e.field, "profile.import.badValue", e.value));
                } catch (NumberFormatException e) {
                    errors.add(new Refusal.RowError(rowNo, "frontlineYears", "profile.import.badValue",
                            text(r, 4, fmt)));
                }
            }
        } catch (Refusal e) {
            throw e;
        } catch (Exception e) {
            throw Refusal.invalidField("file", "profile.import.notXlsx");
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalidRows(errors);
        }
        for (Profile p : parsed.values()) {
            profiles.save(p, clock.instant(), me.id());
        }
        audit.record("profile.import", "user", null, Outcome.SUCCESS, parsed.size() + " profiles");
        return parsed.size();
    }

    private static final class BadCell extends RuntimeException {
        final String field;
        final String value;

        BadCell(String field, String value) {
            super(field, null, false, false);
            this.field = field;
            this.value = value;
        }
    }

    private static boolean blank(Row r, DataFormatter fmt) {
        for (int c = 0; c < COLUMNS.size(); c++) {
            if (!text(r, c, fmt).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String text(Row r, int c, DataFormatter fmt) {
        Cell cell = r.getCell(c);
        return cell == null ? "" : fmt.formatCellValue(cell).strip();
    }

    private static final Map<String, PoliticalStatus> POLITICAL = Map.of("中共党员", PoliticalStatus.CPC_MEMBER,
            "中共预备党员", PoliticalStatus.CPC_PROBATIONARY, "共青团员", PoliticalStatus.CYL_MEMBER, "群众",
            PoliticalStatus.MASSES, "民主党派", PoliticalStatus.OTHER_PARTY);
    private static final Map<String, PerformanceGrade> GRADES = Map.of("优秀", PerformanceGrade.EXCELLENT, "良好",
            PerformanceGrade.GOOD, "合格", PerformanceGrade.QUALIFIED, "不合格", PerformanceGrade.UNQUALIFIED);

    private static PoliticalStatus political(String v) {
        if (POLITICAL.containsKey(v)) {
            return POLITICAL.get(v);
        }
        try {
            return PoliticalStatus.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new BadCell("politicalStatus", v);
        }
    }

    private static LocalDate date(Cell cell, DataFormatter fmt) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        String v = fmt.formatCellValue(cell).strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadCell("partyJoinDate", v);
        }
    }

    private static boolean bool(String v) {
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "", "false", "否", "无", "0", "no" -> false;
            case "true", "是", "有", "1", "yes" -> true;
            default -> throw new BadCell("disciplinaryRecord", v);
        };
    }

    private static Map<Integer, PerformanceGrade> performance(String v) {
        Map<Integer, PerformanceGrade> out = new HashMap<>();
        if (v.isEmpty()) {
            return out;
        }
        for (String part : v.split("[;；,，]")) {
            String[] kv = part.strip().split("[:：]");
            if (kv.length != 2) {
                throw new BadCell("performance", part);
            }
            try {
                int year = Integer.parseInt(kv[0].strip());
                String g = kv[1].strip();
                PerformanceGrade grade = GRADES.containsKey(g) ? GRADES.get(g) : PerformanceGrade.valueOf(g);
                if (out.put(year, grade) != null) {
                    throw new BadCell("performance", part);
                }
            } catch (IllegalArgumentException e) {
                throw new BadCell("performance", part);
            }
        }
        return out;
    }
}
