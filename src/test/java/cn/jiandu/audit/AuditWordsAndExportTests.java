package cn.jiandu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.problem.ProblemAction;
import cn.jiandu.selection.NominationAction;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

/** The audit log in words, with names instead of ids, on the page and in its .xlsx export. */
@IntegrationTest
class AuditWordsAndExportTests {

    /** The action code of a call to AuditTrail.record/recordAs: its first dotted string literal. */
    private static final Pattern CALL = Pattern.compile("(?:audit|trail)\\.record(?:As)?\\(([^;]*)");
    private static final Pattern CODE = Pattern.compile("\"([a-z]+(?:\\.[a-zA-Z_]+)+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    JianduUserDetailsService users;
    @Autowired
    UserDirectory directory;
    @Autowired
    AuditTrail trail;
    @Autowired
    MessageSource messages;

    @Test
    void everyActionTheCodeRecordsHasWordsInChineseAndEnglish() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher call = CALL.matcher(Files.readString(f));
                while (call.find()) {
                    Matcher code = CODE.matcher(call.group(1));
                    if (code.find()) {
                        codes.add(code.group(1));
                    }
                }
            }
        }
        for (ProblemAction a : ProblemAction.values()) {
            codes.add("problem." + a.name().toLowerCase(Locale.ROOT));
        }
        for (NominationAction a : NominationAction.values()) {
            codes.add("nomination." + a.name().toLowerCase(Locale.ROOT));
        }
        codes.add("nomination.resubmit");
        for (String a : new String[] {"schedule", "hold", "check_follow_up", "close"}) {
            codes.add("assessment.admonition." + a);
        }
        assertThat(codes).as("the scan finds the calls").hasSizeGreaterThan(80).contains("auth.login", "exam.paper.create");
        Set<String> missing = new TreeSet<>();
        for (String code : codes) {
            for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
                if (messages.getMessage("audit.action." + code, null, null, locale) == null) {
                    missing.add(code + " (" + locale + ")");
                }
            }
        }
        assertThat(missing).as("audit actions shown as codes").isEmpty();
    }

    @Test
    void accountsAndActorsAppearByName() throws Exception {
        var grid1 = directory.findByUsername("grid1").orElseThrow();
        var admin = directory.findByUsername("admin").orElseThrow();
        String marker = "names-" + UUID.randomUUID();
        trail.recordAs(admin.id(), "admin", "user.update", "user", grid1.id(), Outcome.SUCCESS, marker);
        String html = mvc.perform(get("/audit").param("targetType", "user")
                        .param("targetId", String.valueOf(grid1.id())).with(Pages.as(users, "admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("账号 " + grid1.displayName())
                .contains(admin.displayName() + "（admin）")
                .doesNotContain("账号 " + grid1.id() + "<");
    }

    @Test
    void theExportIsInWordsWithDateCells() throws Exception {
        var grid1 = directory.findByUsername("grid1").orElseThrow();
        String marker = "export-" + UUID.randomUUID();
        trail.recordAs(null, "system", "user.disable", "user", grid1.id(), Outcome.DENIED, marker);
        byte[] xlsx = mvc.perform(get("/audit/export.xlsx").param("targetType", "user")
                        .param("targetId", String.valueOf(grid1.id())).with(Pages.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("时间");
            Row mine = null;
            for (Row r : sheet) {
                if (r.getRowNum() > 0 && marker.equals(r.getCell(7).getStringCellValue())) {
                    mine = r;
                }
            }
            assertThat(mine).as("the entry is exported").isNotNull();
            assertThat(mine.getCell(0).getCellType()).as("a date cell, not text").isEqualTo(CellType.NUMERIC);
            assertThat(mine.getCell(2).getStringCellValue()).isEqualTo("停用账号");
            assertThat(mine.getCell(3).getStringCellValue()).isEqualTo("账号");
            assertThat(mine.getCell(4).getStringCellValue()).isEqualTo(grid1.displayName());
            assertThat(mine.getCell(6).getStringCellValue()).isEqualTo("拒绝");
        }
        mvc.perform(Api.as(mvc, "handler1", get("/api/v1/audit/export.xlsx"))).andExpect(status().isForbidden());
        byte[] en = mvc.perform(Api.as(mvc, "secretary", get("/api/v1/audit/export.xlsx")
                        .param("action", "user.disable").header("Accept-Language", "en")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(en))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isNotEqualTo("时间");
        }
    }
}
