package cn.jiandu.problem.web;

import cn.jiandu.problem.domain.ProblemFilter;
import cn.jiandu.problem.domain.ProblemQueries;
import cn.jiandu.problem.domain.ProblemSummary;
import cn.jiandu.shared.security.JianduPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * 监督问题台账 as .xlsx, streamed: rows come from a cursor-backed query and SXSSF keeps only a window of 100 rows
 * in memory. Like every handling-side view it has no reporter column.
 */
@Component
class LedgerExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String[] HEADERS = {"problem.field.number", "problem.field.title", "problem.field.category",
            "problem.field.orgUnit", "problem.field.status", "problem.field.handlingUnit", "problem.field.createdAt",
            "problem.field.dueAt", "problem.field.warning", "problem.field.closeReason", "problem.field.rating"};

    private final ProblemQueries queries;
    private final MessageSource messages;

    LedgerExport(ProblemQueries queries, MessageSource messages) {
        this.queries = queries;
        this.messages = messages;
    }

    void write(JianduPrincipal me, ProblemFilter filter, HttpServletResponse response) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"problems.xlsx\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(msg("problem.ledger.title", locale), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20") + ".xlsx");
        SXSSFWorkbook wb = new SXSSFWorkbook(100);
        try {
            Sheet sheet = wb.createSheet(msg("problem.ledger.title", locale));
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(msg(HEADERS[i], locale));
            }
            int[] n = {1};
            queries.stream(me, filter, s -> writeRow(sheet.createRow(n[0]++), s, locale));
            try (OutputStream out = response.getOutputStream()) {
                wb.write(out);
            }
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    private void writeRow(Row row, ProblemSummary s, Locale locale) {
        String[] values = {s.number(), s.title(), s.categoryName(), s.orgUnitName(),
                msg(s.status().messageKey(), locale), s.handlingUnitName(),
                s.createdAt() == null ? null : TIME.format(s.createdAt()),
                s.dueAt() == null ? null : TIME.format(s.dueAt()), msg(s.warning().messageKey(), locale),
                s.closeReason() == null ? null : msg(s.closeReason().messageKey(), locale),
                s.rating() == null ? null : msg(s.rating().messageKey(), locale)};
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i] == null ? "" : values[i]);
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
