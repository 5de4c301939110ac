package cn.jiandu.identity.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.Refusal.RowError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Bulk import of accounts from an .xlsx file, all rows or none. Every row is checked before anything is written,
 * so a refused file lists every bad row at once. The template's second sheet lists the org units (id and full
 * path) and the role codes with their names, which the 所属单位 and 角色 columns accept.
 */
@Service
public class UserImport {

    /** Columns of the first sheet, in order; also the {@code field} of a row error. */
    public static final List<String> COLUMNS = List.of("username", "displayName", "orgUnit", "mobile", "roles",
            "password");
    static final int MAX_ROWS = 5000;
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final UserService service;
    private final OrgDirectory org;
    private final MessageSource messages;

    UserImport(UserService service, OrgDirectory org, MessageSource messages) {
        this.service = service;
        this.org = org;
        this.messages = messages;
    }

    /** The template: a header row to fill in, and a reference sheet of org units and roles. */
    public byte[] template() {
        Locale locale = LocaleContextHolder.getLocale();
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(msg("user.import.sheet.users", locale));
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(msg("user.import.column." + COLUMNS.get(i), ZH));
                sheet.setColumnWidth(i, 18 * 256);
            }
            Sheet ref = wb.createSheet(msg("user.import.sheet.reference", locale));
            int r = 0;
            Row h = ref.createRow(r++);
            h.createCell(0).setCellValue(msg("user.import.ref.unitId", locale));
            h.createCell(1).setCellValue(msg("user.import.ref.unitPath", locale));
            h.createCell(3).setCellValue(msg("user.import.ref.roleCode", locale));
            h.createCell(4).setCellValue(msg("user.import.ref.roleName", locale));
            Map<Long, String> paths = fullPaths();
            List<OrgUnitView> units = org.all().stream().filter(OrgUnitView::enabled).toList();
            Role[] roles = Role.values();
            for (int i = 0; i < Math.max(units.size(), roles.length); i++) {
                Row row = ref.createRow(r++);
                if (i < units.size()) {
                    row.createCell(0).setCellValue(String.valueOf(units.get(i).id()));
                    row.createCell(1).setCellValue(paths.get(units.get(i).id()));
                }
                if (i < roles.length) {
                    row.createCell(3).setCellValue(roles[i].name());
                    row.createCell(4).setCellValue(msg(roles[i].messageKey(), ZH));
                }
            }
            ref.setColumnWidth(1, 40 * 256);
            ref.setColumnWidth(3, 20 * 256);
            ref.setColumnWidth(4, 20 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads, checks and imports a file. Throws {@link Refusal#invalidRows} (400) listing every bad row and imports
     * nothing if any row is bad.
     *
     * @return how many accounts were created
     */
    public int importFile(InputStream in) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Parsed> parsed = read(in);
        if (parsed.isEmpty()) {
            throw Refusal.invalidField("file", "user.import.error.empty");
        }
        if (parsed.size() > MAX_ROWS) {
            throw Refusal.invalidField("file", "user.import.error.tooMany", MAX_ROWS);
        }
        Map<String, Long> unitsByPath = new HashMap<>();
        fullPaths().forEach((id, path) -> unitsByPath.put(path, id));
        Map<String, Role> rolesByName = roleNames();
        Map<String, Integer> seen = new HashMap<>();
        List<RowError> errors = new ArrayList<>();
        List<UserCommand> commands = new ArrayList<>();
        for (Parsed p : parsed) {
            List<RowError> rowErrors = new ArrayList<>();
            Long unit = resolveUnit(p.cell(2), unitsByPath);
            if (unit == null) {
                rowErrors.add(new RowError(p.row(), "orgUnit", msg("user.import.error.unit", locale, p.cell(2))));
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String token : p.cell(4).split("[,，、;；\\s]+")) {
                if (token.isBlank()) {
                    continue;
                }
                Role role = rolesByName.get(token.strip().toUpperCase(Locale.ROOT));
                if (role == null) {
                    rowErrors.add(new RowError(p.row(), "roles", msg("user.import.error.role", locale, token)));
                } else {
                    roles.add(role);
                }
            }
            UserCommand c = new UserCommand(p.cell(0), p.cell(1), unit == null ? -1 : unit, p.cell(3), roles,
                    p.cell(5), true);
            for (Refusal.FieldError fe : service.problems(c, true)) {
                String field = fe.field().equals("orgUnitId") ? "orgUnit" : fe.field();
                boolean alreadyReported = rowErrors.stream().anyMatch(e -> e.field().equals(field));
                if (!alreadyReported) {
                    rowErrors.add(new RowError(p.row(), field, msg(fe.messageKey(), locale, fe.args())));
                }
            }
            if (!p.cell(0).isEmpty()) {
                Integer first = seen.putIfAbsent(p.cell(0).toLowerCase(Locale.ROOT), p.row());
                if (first != null) {
                    rowErrors.add(new RowError(p.row(), "username",
                            msg("user.import.error.duplicateInFile", locale, p.cell(0), first)));
                } else if (service.usernameTaken(p.cell(0))) {
                    rowErrors.add(new RowError(p.row(), "username", msg("user.error.duplicate", locale, p.cell(0))));
                }
            }
            errors.addAll(rowErrors);
            commands.add(c);
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalidRows(errors);
        }
        return service.createAll(commands);
    }

    private record Parsed(int row, List<String> cells) {
        String cell(int i) {
            return i < cells.size() ? cells.get(i) : "";
        }
    }

    private List<Parsed> read(InputStream in) {
        List<Parsed> out = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                if (row == null) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < COLUMNS.size(); c++) {
                    cells.add(text(row.getCell(c), formatter));
                }
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                out.add(new Parsed(i + 1, cells));
                if (out.size() > MAX_ROWS) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refusal refusal) {
                throw refusal;
            }
            throw Refusal.invalidField("file", "user.import.error.unreadable");
        }
        return out;
    }

    /** Phone numbers typed into Excel become numbers; read them back without exponent or ".0". */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell).strip();
    }

    private Long resolveUnit(String value, Map<String, Long> byPath) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return org.find(Long.parseLong(value)).map(OrgUnitView::id).orElse(null);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        String path = value.replaceAll("\\s*/\\s*", "/").replaceAll("^/+|/+$", "");
        return byPath.get(path);
    }

    /** '北海分公司/网络部' for every unit, by id. */
    Map<Long, String> fullPaths() {
        Map<Long, String> out = new LinkedHashMap<>();
        for (OrgUnitView u : org.all()) {
            String parent = u.parentId() == null ? null : out.get(u.parentId());
            out.put(u.id(), parent == null ? u.name() : parent + "/" + u.name());
        }
        return out;
    }

    /** Role codes and their Chinese names, upper-cased, to the role. */
    private Map<String, Role> roleNames() {
        Map<String, Role> out = new HashMap<>();
        for (Role r : Role.values()) {
            out.put(r.name(), r);
            out.put(msg(r.messageKey(), ZH).toUpperCase(Locale.ROOT), r);
        }
        return out;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
