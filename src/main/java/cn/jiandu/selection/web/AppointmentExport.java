package cn.jiandu.selection.web;

import cn.jiandu.selection.domain.Appointment;
import cn.jiandu.selection.domain.AppointmentQueries;
import cn.jiandu.selection.domain.AppointmentQueries.Filter;
import cn.jiandu.shared.security.JianduPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** 监督员名册 as .xlsx, streamed in pages (SXSSF keeps a window of 100 rows in memory). */
@Component
class AppointmentExport {

    private static final String[] HEADERS = {"appointment.field.number", "appointment.field.person",
            "appointment.field.type", "appointment.field.scopeUnit", "appointment.field.termStart",
            "appointment.field.termEnd", "appointment.field.status", "appointment.field.origin",
            "appointment.field.endedOn", "appointment.field.certificate"};

    private final AppointmentQueries queries;
    private final MessageSource messages;

    AppointmentExport(AppointmentQueries queries, MessageSource messages) {
        this.queries = queries;
        this.messages = messages;
    }

    void write(JianduPrincipal me, Filter filter, HttpServletResponse response) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"appointments.xlsx\"; filename*=UTF-8''"
                + URLEncoder.encode(msg("appointment.register.title", locale), StandardCharsets.UTF_8)
                        .replace("+", "%20") + ".xlsx");
        SXSSFWorkbook wb = new SXSSFWorkbook(100);
        try {
            Sheet sheet = wb.createSheet(msg("appointment.register.title", locale));
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(msg(HEADERS[i], locale));
            }
            int[] n = {1};
            queries.stream(me, filter, item -> {
                Appointment a = item.appointment();
                String[] values = {a.number(), item.person(), msg(a.type().messageKey(), locale),
                        item.scopeUnitName(), a.termStart().toString(), a.termEnd().toString(),
                        msg(item.status().messageKey(), locale), msg("appointment.origin." + a.origin(), locale),
                        a.endedOn() == null ? "" : a.endedOn().toString(),
                        item.certificate() == null ? "" : item.certificate().number()};
                Row row = sheet.createRow(n[0]++);
                for (int i = 0; i < values.length; i++) {
                    row.createCell(i).setCellValue(values[i]);
                }
            });
            try (OutputStream out = response.getOutputStream()) {
                wb.write(out);
            }
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
