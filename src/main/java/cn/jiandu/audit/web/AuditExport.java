package cn.jiandu.audit.web;

import cn.jiandu.audit.AuditEntryView;
import cn.jiandu.audit.AuditSearch;
import cn.jiandu.audit.domain.AuditQuery;
import cn.jiandu.shared.paging.CursorPage;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The audit log as .xlsx, in words as on the page (操作, 对象 and 结果 from the message bundles, names instead of
 * ids), times as real date cells. Streamed: pages of 1,000 entries by the same keyset query as the page, SXSSF
 * keeping 100 rows in memory, so a year's log exports in constant memory.
 */
@Component
class AuditExport {

    private static final int BATCH = 1000;
    private static final String[] HEADERS = {"audit.occurredAt", "audit.actor", "audit.action", "audit.targetType",
            "audit.target", "audit.address", "audit.outcome", "audit.detail"};
    private static final int[] WIDTHS = {20, 22, 24, 14, 22, 16, 8, 60};

    private final AuditQuery query;
    private final AuditNames names;
    private final MessageSource messages;
    private final Clock clock;

    AuditExport(AuditQuery query, AuditNames names, MessageSource messages, Clock clock) {
        this.query = query;
        this.names = names;
        this.messages = messages;
        this.clock = clock;
    }

    void write(AuditSearch search, HttpServletResponse response) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        String title = msg("audit.title", locale) + "-" + LocalDate.now(clock.withZone(AuditFilter.ZONE));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-"
                + LocalDate.now(clock.withZone(AuditFilter.ZONE)) + ".xlsx\"; filename*=UTF-8''"
                + URLEncoder.encode(title, StandardCharsets.UTF_8).replace("+", "%20") + ".xlsx");
        SXSSFWorkbook wb = new SXSSFWorkbook(100);
        try {
            SXSSFSheet sheet = wb.createSheet(msg("audit.title", locale));
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle time = wb.createCellStyle();
            time.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(msg(HEADERS[i], locale));
                header.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            sheet.createFreezePane(0, 1);
            int n = 1;
            String cursor = null;
            do {
                CursorPage<AuditEntryView> page = query.search(search, BATCH, cursor);
                AuditNames.Resolved resolved = names.of(page.items());
                for (AuditEntryView e : page.items()) {
                    writeRow(sheet.createRow(n++), e, resolved, time, locale);
                }
                cursor = page.nextCursor();
            } while (cursor != null);
            try (OutputStream out = response.getOutputStream()) {
                wb.write(out);
            }
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    private void writeRow(Row row, AuditEntryView e, AuditNames.Resolved resolved, CellStyle time, Locale locale) {
        row.createCell(0).setCellValue(e.occurredAt().toLocalDateTime());
        row.getCell(0).setCellStyle(time);
        row.createCell(1).setCellValue(e.actorProtected() ? msg("audit.actor.protected", locale) : resolved.actor(e));
        row.createCell(2).setCellValue(word("audit.action.", e.action(), locale));
        row.createCell(3).setCellValue(e.targetType() == null ? "" : word("audit.targetType.", e.targetType(), locale));
        row.createCell(4).setCellValue(resolved.target(e));
        row.createCell(5).setCellValue(e.address() == null ? "" : e.address());
        row.createCell(6).setCellValue(msg("audit.outcome." + e.outcome().name(), locale));
        row.createCell(7).setCellValue(e.detail() == null ? "" : word("audit.detail.", e.detail(), locale));
    }

    /** The words for a code, or the code itself when no bundle has words for it (a new action, a free detail). */
    private String word(String prefix, String code, Locale locale) {
        return messages.getMessage(prefix + code, null, code, locale);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
