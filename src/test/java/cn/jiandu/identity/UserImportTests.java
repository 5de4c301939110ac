package cn.jiandu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.domain.UserRepository;
import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class UserImportTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserRepository users;
    @Autowired
    OrgDirectory org;
    @Autowired
    JianduUserDetailsService details;

    static byte[] xlsx(List<Object[]> rows) throws Exception {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("用户");
            Row h = s.createRow(0);
            String[] header = {"用户名", "姓名", "所属单位", "手机号", "角色", "初始密码"};
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            int r = 1;
            for (Object[] values : rows) {
                Row row = s.createRow(r++);
                for (int i = 0; i < values.length; i++) {
                    if (values[i] instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (values[i] != null) {
                        row.createCell(i).setCellValue(values[i].toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static MockMultipartFile file(byte[] bytes) {
        return new MockMultipartFile("file", "users.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes);
    }

    String bearer() {
        return "Bearer " + Api.token(mvc, "admin");
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void templateHasTheHeaderAndAReferenceSheet() throws Exception {
        for (String url : List.of("/api/v1/users/import-template")) {
            byte[] body = mvc.perform(Api.as(mvc, "admin", get(url))).andExpect(status().isOk())
                    .andExpect(header().string("Content-Disposition", containsString(".xlsx")))
                    .andReturn().getResponse().getContentAsByteArray();
            assertTemplate(body);
        }
        byte[] page = mvc.perform(get("/users/import-template.xlsx").with(Pages.as(details, "admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertTemplate(page);
        mvc.perform(Api.as(mvc, "handler1", get("/api/v1/users/import-template"))).andExpect(status().isForbidden());
    }

    private void assertTemplate(byte[] body) throws Exception {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Row h = wb.getSheetAt(0).getRow(0);
            List<String> header = new ArrayList<>();
            h.forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("用户名", "姓名", "所属单位", "手机号", "角色", "初始密码");
            Sheet ref = wb.getSheetAt(1);
            List<String> cells = new ArrayList<>();
            ref.forEach(r -> r.forEach(c -> cells.add(c.getStringCellValue())));
            long net = org.findByName("网络部").orElseThrow().id();
            assertThat(cells).contains(String.valueOf(net), "北海分公司/网络部", "HANDLER", "承办人", "ADMIN");
        }
    }

    @Test
    void goodFileCreatesEveryAccountWithAOneTimePassword() throws Exception {
        String t = tag();
        long net = org.findByName("网络部").orElseThrow().id();
        byte[] bytes = xlsx(List.<Object[]>of(
                new Object[] {"imp-a-" + t, "导入甲", String.valueOf(net), 13912345678L, "HANDLER", "Start1234x"},
                new Object[] {"imp-b-" + t, "导入乙", "北海分公司/市场经营部", "13912345679", "员工, 班组监督员", "Start1234y"},
                new Object[] {},
                new Object[] {"imp-c-" + t, "导入丙", " 北海分公司 / 网络部 ", null, "employee", "Start1234z"}));
        mvc.perform(multipart("/api/v1/users/import").header("Authorization", bearer()).file(file(bytes)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(3));
        var a = users.findByUsername("imp-a-" + t).orElseThrow();
        assertThat(a.orgUnitId()).isEqualTo(net);
        assertThat(a.mobile()).isEqualTo("13912345678");
        assertThat(a.mustChangePassword()).isTrue();
        var b = users.findByUsername("imp-b-" + t).orElseThrow();
        assertThat(b.roles()).extracting(Enum::name).containsExactlyInAnyOrder("EMPLOYEE", "TEAM_SUPERVISOR");
        assertThat(b.orgUnitId()).isEqualTo(org.findByName("市场经营部").orElseThrow().id());
        assertThat(users.findByUsername("imp-c-" + t).orElseThrow().orgUnitId()).isEqualTo(net);
        Api.issue(mvc, "imp-a-" + t, "Start1234x");
        String audit = mvc.perform(Api.as(mvc, "admin", get("/api/v1/audit").param("action", "user.create")
                        .param("targetId", String.valueOf(b.id()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Api.json(audit).get("items").get(0).get("detail").asString()).contains("imp-b-" + t);
    }

    @Test
    void badFileListsEveryBadRowAndImportsNothing() throws Exception {
        String t = tag();
        byte[] bytes = xlsx(List.<Object[]>of(
                new Object[] {"bad-ok-" + t, "正常", "北海分公司/网络部", "", "HANDLER", "Start1234x"},
                new Object[] {"handler1", "已存在", "北海分公司/网络部", "", "HANDLER", "Start1234x"},
                new Object[] {"bad-dup-" + t, "甲", "北海分公司/网络部", "", "HANDLER", "Start1234x"},
                new Object[] {"bad-dup-" + t, "乙", "北海分公司/网络部", "", "HANDLER", "Start1234x"},
                new Object[] {"bad-unit-" + t, "丙", "北海分公司/不存在部", "", "HANDLER", "Start1234x"},
                new Object[] {"bad-role-" + t, "丁", "北海分公司/网络部", "", "FOO", "Start1234x"},
                new Object[] {"bad-pw-" + t, "戊", "北海分公司/网络部", "123", "HANDLER", "weak"}));
        String body = mvc.perform(multipart("/api/v1/users/import").header("Authorization", bearer()).file(file(bytes)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        JsonNode rows = Api.json(body).get("rows");
        List<String> found = new ArrayList<>();
        rows.forEach(r -> found.add(r.get("row").asInt() + ":" + r.get("field").asString()));
        assertThat(found).contains("3:username", "5:username", "6:orgUnit", "7:roles", "8:mobile", "8:password")
                .doesNotContain("2:username", "4:username");
        assertThat(rows.get(0).get("message").asString()).isNotBlank();
        assertThat(Api.json(body).get("detail").asString()).contains("未导入");
        assertThat(users.findByUsername("bad-ok-" + t)).isEmpty();
        assertThat(users.findByUsername("bad-dup-" + t)).isEmpty();
    }

    @Test
    void notAnXlsxIs400NamingTheFile() throws Exception {
        mvc.perform(multipart("/api/v1/users/import").header("Authorization", bearer())
                        .file(new MockMultipartFile("file", "x.xlsx", "application/octet-stream", "hello".getBytes())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(multipart("/api/v1/users/import").header("Authorization", bearer()).file(file(xlsx(List.<Object[]>of()))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    @Test
    void uploadOnThePageShowsTheRowErrorsInATable() throws Exception {
        String t = tag();
        byte[] bytes = xlsx(List.<Object[]>of(
                new Object[] {"page-imp-" + t, "页面", "北海分公司/不存在部", "", "HANDLER", "Start1234x"}));
        mvc.perform(multipart("/users/import").file(file(bytes)).with(Pages.as(details, "admin")).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"import-rows\"")))
                .andExpect(content().string(containsString("找不到单位“北海分公司/不存在部”")))
                .andExpect(content().string(containsString("所属单位")));
        byte[] good = xlsx(List.<Object[]>of(
                new Object[] {"page-imp-" + t, "页面", "北海分公司/网络部", "", "HANDLER", "Start1234x"}));
        mvc.perform(multipart("/users/import").file(file(good)).with(Pages.as(details, "admin")).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", "users-changed"))
                .andExpect(content().string(containsString("已导入 1 个用户")));
        assertThat(users.findByUsername("page-imp-" + t)).isPresent();
    }
}
