package cn.jiandu.training.web;

import cn.jiandu.shared.time.ClockConfig;
import cn.jiandu.training.domain.AttendanceService;
import cn.jiandu.training.domain.TrainingSession;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A session's attendance list as .xlsx: one row per invitee, then the counts and the attendance rate. */
@Component
class AttendanceExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ClockConfig.ZONE);
    private static final String[] HEADERS = {"training.field.person", "training.field.status",
            "training.field.signedInAt", "training.field.reason"};

    private final MessageSource messages;

    AttendanceExport(MessageSource messages) {
        this.messages = messages;
    }

    void write(TrainingSession s, List<AttendanceService.Line> lines, HttpServletResponse response)
            throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String name = msg("training.attendance.title", locale) + "-" + s.title();
        response.setHeader("Content-Disposition", "attachment; filename=\"attendance-" + s.id()
                + ".xlsx\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                + ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(msg("training.attendance.title", locale));
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(s.title());
            title.createCell(1).setCellValue(msg(s.kind().messageKey(), locale));
            title.createCell(2).setCellValue(TIME.format(s.startsAt()) + " – " + TIME.format(s.endsAt()));
            Row header = sheet.createRow(1);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(msg(HEADERS[i], locale));
            }
            int n = 2;
            for (AttendanceService.Line l : lines) {
                Row row = sheet.createRow(n++);
                row.createCell(0).setCellValue(l.person() == null ? "" : l.person());
                row.createCell(1).setCellValue(l.status() == null ? msg("training.attendance.pending", locale)
                        : msg(l.status().messageKey(), locale));
                row.createCell(2).setCellValue(l.signedInAt() == null ? "" : TIME.format(l.signedInAt()));
                row.createCell(3).setCellValue(l.reason() == null ? "" : l.reason());
            }
            AttendanceService.Tally t = AttendanceService.tally(lines);
            Row sum = sheet.createRow(n + 1);
            sum.createCell(0).setCellValue(msg("training.attendance.rate", locale));
            sum.createCell(1).setCellValue(t.rate() == null ? "" : String.format(Locale.ROOT, "%.1f%%", t.rate() * 100));
            sum.createCell(2).setCellValue(msg("training.attendance.counts", locale, t.invited(), t.present(),
                    t.late(), t.leave(), t.absent()));
            try (OutputStream out = response.getOutputStream()) {
                wb.write(out);
            }
        }
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
