package cn.jiandu.ledger.web;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.ledger.LedgerEntry;
import cn.jiandu.ledger.LedgerMetric;
import cn.jiandu.ledger.LedgerPeriod;
import cn.jiandu.ledger.domain.LedgerQueries;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.security.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The ledger of a period as .xlsx: every appointment the viewer may read (type and unit filters as the list), one
 * column per figure in the contract's order; an absent figure is an empty cell, never 0. Streamed in batches.
 */
@Component
class LedgerWorkbook {

    static final Map<LedgerMetric, String> HEADERS = new java.util.EnumMap<>(Map.ofEntries(
            Map.entry(LedgerMetric.FEEDBACK_ON_TIME_RATE, "履职反馈及时率"), Map.entry(LedgerMetric.MATERIALS, "监督支撑材料"),
            Map.entry(LedgerMetric.WARNING_EDUCATION, "警示教育"), Map.entry(LedgerMetric.TALKS, "谈心谈话"),
            Map.entry(LedgerMetric.EXAM_BEST, "考试最高分"), Map.entry(LedgerMetric.EXAM_LATEST, "最近考试成绩"),
            Map.entry(LedgerMetric.PROBLEMS_REPORTED, "发现问题"), Map.entry(LedgerMetric.PROBLEMS_TRANSFERRED, "移交线索"),
            Map.entry(LedgerMetric.PROBLEMS_RESOLVED, "已整改"), Map.entry(LedgerMetric.PROBLEMS_SATISFIED, "满意"),
            Map.entry(LedgerMetric.PROBLEMS_OVERDUE, "超期"), Map.entry(LedgerMetric.CASES_SELECTED, "优秀案例入选"),
            Map.entry(LedgerMetric.ONBOARDING_DONE, "五个一完成项")));
    private static final Map<Role, String> TYPES = Map.of(Role.BRANCH_INSPECTOR, "支部纪检委员", Role.TEAM_SUPERVISOR,
            "班组监督员", Role.GRID_SUPERVISOR, "网格监督员");
    private static final int BATCH = 500;
    /** Columns before the figures: period, appointment, name, type, unit. */
    static final int FIRST_FIGURE = 5;

    private final LedgerQueries queries;
    private final UserDirectory users;
    private final OrgDirectory org;

    LedgerWorkbook(LedgerQueries queries, UserDirectory users, OrgDirectory org) {
        this.queries = queries;
        this.users = users;
        this.org = org;
    }

    byte[] export(LedgerPeriod p, Role type, Long unitId, LedgerQueries.Scope scope) {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(p.code());
            Row head = sheet.createRow(0);
            head.createCell(0).setCellValue("期间");
            head.createCell(1).setCellValue("聘任编号");
            head.createCell(2).setCellValue("姓名");
            head.createCell(3).setCellValue("监督员类型");
            head.createCell(4).setCellValue("单位");
            int c = FIRST_FIGURE;
            for (LedgerMetric m : LedgerMetric.values()) {
                head.createCell(c++).setCellValue(HEADERS.get(m));
            }
            Map<Long, String> units = new HashMap<>();
            int r = 1;
            long after = 0;
            List<LedgerEntry> batch;
            do {
                batch = queries.page(p, type, unitId, scope, after, BATCH);
                Map<Long, String> names = users.displayNames(batch.stream().map(LedgerEntry::userId).toList());
                for (LedgerEntry e : batch) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(p.code());
                    row.createCell(1).setCellValue(String.valueOf(e.appointmentId()));
                    row.createCell(2).setCellValue(names.getOrDefault(e.userId(), ""));
                    row.createCell(3).setCellValue(TYPES.getOrDefault(e.type(), e.type().name()));
                    row.createCell(4).setCellValue(units.computeIfAbsent(e.unitId(),
                            id -> org.find(id).map(OrgUnitView::name).orElse("")));
                    Map<LedgerMetric, BigDecimal> f = e.figures().byMetric();
                    int col = FIRST_FIGURE;
                    for (LedgerMetric m : LedgerMetric.values()) {
                        BigDecimal v = f.get(m);
                        if (v != null) {
                            row.createCell(col).setCellValue(v.doubleValue());
                        }
                        col++;
                    }
                    after = e.appointmentId();
                }
            } while (batch.size() == BATCH);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose();
        }
    }
}
