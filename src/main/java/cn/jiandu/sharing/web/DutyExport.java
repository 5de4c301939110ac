package cn.jiandu.sharing.web;

import cn.jiandu.shared.time.ClockConfig;
import cn.jiandu.sharing.domain.DutyPeriod;
import cn.jiandu.sharing.domain.DutyService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** 提交情况 as .xlsx: one row per member and space with his unit, state and submission time (a real date cell). */
@Component
class DutyExport {

    private static final String[] HEADERS = {"sharing.duty.person", "sharing.duty.unit", "sharing.space",
            "sharing.duty.myState", "sharing.duty.submittedAt"};
    private static final int[] WIDTHS = {14, 24, 20, 10, 18};

    private final MessageSource messages;

    DutyExport(MessageSource messages) {
        this.messages = messages;
    }

    void write(DutyPeriod period, List<DutyService.Submission> rows, Map<Long, String> units,
            Map<Long, String> spaces, HttpServletResponse response) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String name = period.code() + "-" + msg("sharing.duty.submissions", locale);
        response.setHeader("Content-Disposition", "attachment; filename=\"duty-" + period.id()
                + ".xlsx\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                + ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(period.code());
            CellStyle time = wb.createCellStyle();
            time.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(name);
            title.createCell(1).setCellValue(msg("sharing.duty.dueLine", locale, period.dueOn().toString()));
            Row header = sheet.createRow(1);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(msg(HEADERS[i], locale));
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            int n = 2;
            ZoneId zone = ClockConfig.ZONE;
            for (DutyService.Submission s : rows) {
                Row row = sheet.createRow(n++);
                row.createCell(0).setCellValue(s.displayName());
                row.createCell(1).setCellValue(units.getOrDefault(s.orgUnitId(), ""));
                row.createCell(2).setCellValue(spaces.getOrDefault(s.spaceId(), ""));
                row.createCell(3).setCellValue(msg("sharing.duty.status." + s.status(), locale));
                if (s.submittedAt() != null) {
                    var cell = row.createCell(4);
                    cell.setCellValue(s.submittedAt().atZone(zone).toLocalDateTime());
                    cell.setCellStyle(time);
                }
            }
            sheet.createRow(n + 1).createCell(0).setCellValue(msg("sharing.duty.total", locale, rows.size()));
            try (OutputStream out = response.getOutputStream()) {
                wb.write(out);
            }
        }
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
