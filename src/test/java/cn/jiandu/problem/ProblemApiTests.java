package cn.jiandu.problem;

import static cn.jiandu.problem.ProblemFixtures.act;
import static cn.jiandu.problem.ProblemFixtures.photo;
import static cn.jiandu.problem.ProblemFixtures.problemJson;
import static cn.jiandu.problem.ProblemFixtures.rate;
import static cn.jiandu.problem.ProblemFixtures.submit;
import static cn.jiandu.problem.ProblemFixtures.submitOk;
import static cn.jiandu.problem.ProblemFixtures.unique;
import static cn.jiandu.problem.ProblemFixtures.unitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The whole loop through the REST contract, per role, with reporter protection checked on every handling response. */
@IntegrationTest
class ProblemApiTests {

    // grid1 = 吴海涛 at 廉州网格
    static final String[] REPORTER_TRACES = {"grid1", "吴海涛", "\"reporter"};

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void reportIsDispatchedByRuleHandledRatedAndNeverNamesTheReporterToTheUnit() throws Exception {
        String title = unique("营业厅空调坏了");
        JsonNode created = submitOk(mvc, "grid1", title, "SERVICE", unitId(mvc, "渠道管理班组"), photo("a.jpg"));
        String id = created.get("id").asString();
        assertThat(created.get("number").asString()).matches("JD-\\d{4}-\\d{6}");
        assertThat(created.get("status").asString()).isEqualTo("DISPATCHED");
        assertThat(created.get("handlingUnitId").asString()).isEqualTo(String.valueOf(unitId(mvc, "市场经营部")));
        assertThat(created.get("dueAt").isNull()).isFalse();

        assertNoReporter(get("/api/v1/problems/" + id), "handler1");
        assertNoReporter(get("/api/v1/problems?assigned=true&q=" + title), "handler1");
        String list = body(get("/api/v1/problems?q=" + title), "handler1");
        assertThat(list).contains(title);

        String accepted = act(mvc, "handler1", id, "ACCEPT").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS")).andReturn().getResponse().getContentAsString();
        assertClean(accepted);
        rate(mvc, "grid1", id, "SATISFIED").andExpect(status().isConflict());
        act(mvc, "handler1", id, "NOTE", "comment", "已联系维修").andExpect(status().isOk());
        act(mvc, "handler1", id, "REPLY", "comment", "已更换空调").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REPLIED"));
        rate(mvc, "handler1", id, "SATISFIED").andExpect(status().isForbidden());
        rate(mvc, "grid1", id, "SATISFIED").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closeReason").value("RATED"))
                .andExpect(jsonPath("$.mine").value(true));
        rate(mvc, "grid1", id, "SATISFIED").andExpect(status().isConflict());

        String timeline = assertNoReporter(get("/api/v1/problems/" + id), "handler1");
        JsonNode detail = Api.json(timeline);
        assertThat(detail.get("mine").asBoolean()).isFalse();
        JsonNode submitStep = detail.get("timeline").get(0);
        assertThat(submitStep.get("action").asString()).isEqualTo("SUBMIT");
        assertThat(submitStep.get("side").asString()).isEqualTo("REPORTER");
        assertThat(submitStep.get("actorName").isNull()).isTrue();
        assertThat(timeline).contains("张晓峰");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE target_type = 'problem' AND target_id = :id")
                .param("id", id).query(Long.class).single()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void handlerOfAnotherUnitGets404AndOthersMayNotAct() throws Exception {
        String id = submitOk(mvc, "grid1", unique("渠道酬金"), "SERVICE", unitId(mvc, "渠道管理班组")).get("id")
                .asString();
        mvc.perform(Api.as(mvc, "handler3", get("/api/v1/problems/" + id))).andExpect(status().isNotFound());
        act(mvc, "handler3", id, "ACCEPT").andExpect(status().isNotFound());
        mvc.perform(Api.as(mvc, "staff4", get("/api/v1/problems/" + id))).andExpect(status().isNotFound());
        // the reporter may read but not accept; a leader may read but not accept
        act(mvc, "grid1", id, "ACCEPT").andExpect(status().isForbidden());
        act(mvc, "secretary", id, "ACCEPT").andExpect(status().isForbidden());
        // the branch secretary of 市场经营部党支部 sees what concerns his subtree
        mvc.perform(Api.as(mvc, "bs_market", get("/api/v1/problems/" + id))).andExpect(status().isOk());
        mvc.perform(Api.as(mvc, "bs_hepu", get("/api/v1/problems/" + id))).andExpect(status().isNotFound());
        // accepted: the reporter can no longer withdraw
        act(mvc, "handler1", id, "ACCEPT").andExpect(status().isOk());
        act(mvc, "handler1", id, "ACCEPT").andExpect(status().isConflict());
        act(mvc, "grid1", id, "WITHDRAW").andExpect(status().isConflict());
    }

    @Test
    void unmatchedReportWaitsForManualDispatchCanBeReturnedAndTransferredAsClue() throws Exception {
        String title = unique("财务报销不规范");
        JsonNode created = submitOk(mvc, "grid2", title, "DISCIPLINE", unitId(mvc, "财务部"));
        String id = created.get("id").asString();
        assertThat(created.get("status").asString()).isEqualTo("PENDING_DISPATCH");
        assertThat(created.get("handlingUnitId").isNull()).isTrue();
        mvc.perform(Api.as(mvc, "admin", get("/api/v1/problems?status=PENDING_DISPATCH&q=" + title)))
                .andExpect(jsonPath("$.items[*].id", hasItem(id)));

        act(mvc, "handler1", id, "DISPATCH").andExpect(status().isNotFound());
        act(mvc, "admin", id, "DISPATCH").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("handlingUnitId"));
        long market = unitId(mvc, "市场经营部");
        act(mvc, "admin", id, "DISPATCH", "handlingUnitId", market, "days", 3).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISPATCHED"));
        act(mvc, "handler1", id, "RETURN").andExpect(status().isBadRequest());
        act(mvc, "handler1", id, "RETURN", "comment", "不属于本部门").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING_DISPATCH"));
        act(mvc, "admin", id, "DISPATCH", "handlingUnitId", market).andExpect(status().isOk());
        act(mvc, "admin", id, "TRANSFER_CLUE", "comment", "涉嫌违纪").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("TRANSFERRED"));
        mvc.perform(Api.as(mvc, "handler1", get("/api/v1/problems/" + id))).andExpect(status().isNotFound());
        String seenByReporter = mvc.perform(Api.as(mvc, "grid2", get("/api/v1/problems/" + id)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("TRANSFERRED"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(seenByReporter).doesNotContain("涉嫌违纪");
        mvc.perform(Api.as(mvc, "secretary", get("/api/v1/problems/" + id))).andExpect(status().isOk());
    }

    @Test
    void dissatisfactionReopensAndExtensionsAreDecidedByTheAdmin() throws Exception {
        String id = submitOk(mvc, "grid3", unique("宽带装机拖延"), "SERVICE", null).get("id").asString();
        // grid3 sits at 常乐网格 under 合浦分公司: routed to 合浦分公司 (handler5)
        act(mvc, "handler5", id, "ACCEPT").andExpect(status().isOk());
        act(mvc, "handler5", id, "REQUEST_EXTENSION", "days", 2, "comment", "等待设备").andExpect(status().isOk())
                .andExpect(jsonPath("$.pendingExtensionDays").value(2));
        act(mvc, "handler5", id, "APPROVE_EXTENSION").andExpect(status().isForbidden());
        String before = Api.json(body(get("/api/v1/problems/" + id), "admin")).get("dueAt").asString();
        act(mvc, "admin", id, "APPROVE_EXTENSION").andExpect(status().isOk());
        String after = Api.json(body(get("/api/v1/problems/" + id), "admin")).get("dueAt").asString();
        assertThat(after).isGreaterThan(before);
        act(mvc, "admin", id, "REJECT_EXTENSION").andExpect(status().isConflict());
        act(mvc, "admin", id, "URGE", "comment", "请本周内办结").andExpect(status().isOk())
                .andExpect(jsonPath("$.urgeCount").value(1));
        act(mvc, "handler5", id, "REPLY", "comment", "已装机").andExpect(status().isOk());
        rate(mvc, "grid3", id, "DISSATISFIED").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.reopenCount").value(1))
                .andExpect(jsonPath("$.warning").value("YELLOW"));
    }

    @Test
    void reporterIsRevealedOnlyToAdminAndLeaderAndEveryRevealIsAudited() throws Exception {
        String id = submitOk(mvc, "grid1", unique("揭示测试"), "OTHER", null).get("id").asString();
        mvc.perform(Api.as(mvc, "handler5", get("/api/v1/problems/" + id + "/reporter")))
                .andExpect(status().isForbidden());
        mvc.perform(Api.as(mvc, "secretary", get("/api/v1/problems/" + id + "/reporter")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("grid1"))
                .andExpect(jsonPath("$.displayName").value("吴海涛"));
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_entry WHERE action = 'problem.revealReporter' AND target_id = :id
                  AND actor_name = 'secretary'""").param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAnonymousReportCanBeFollowedAndRatedButItsReporterIsNeverRevealed() throws Exception {
        String id = submitOk(mvc, "grid1", unique("匿名跟踪"), "SERVICE", unitId(mvc, "渠道管理班组")).get("id")
                .asString();
        // anonymous reporting is off by default; a report made while it was on looks like this
        jdbc.sql("UPDATE problem SET anonymous = TRUE WHERE id = :id").param("id", Long.parseLong(id)).update();
        mvc.perform(Api.as(mvc, "admin", get("/api/v1/problems/" + id + "/reporter"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.anonymous").value(true)).andExpect(jsonPath("$.username").doesNotExist());
        mvc.perform(Api.as(mvc, "grid1", get("/api/v1/problems/" + id))).andExpect(jsonPath("$.mine").value(true));
        act(mvc, "handler1", id, "ACCEPT").andExpect(status().isOk());
        act(mvc, "handler1", id, "REPLY", "comment", "已整改").andExpect(status().isOk());
        rate(mvc, "grid1", id, "BASICALLY_SATISFIED").andExpect(status().isOk())
                .andExpect(jsonPath("$.closeReason").value("RATED"));
    }

    @Test
    void photosAreCleanForHandlersOriginalForTheOfficeAndThumbnailsSmall() throws Exception {
        String id = submitOk(mvc, "grid1", unique("照片测试"), "SERVICE", unitId(mvc, "渠道管理班组"),
                photo("a.jpg"), photo("b.jpg")).get("id").asString();
        JsonNode photos = Api.json(body(get("/api/v1/problems/" + id), "handler1")).get("photos");
        assertThat(photos.size()).isEqualTo(2);
        String photoId = photos.get(0).get("id").asString();
        byte[] clean = bytes(get("/api/v1/problems/" + id + "/photos/" + photoId), "handler1");
        byte[] original = bytes(get("/api/v1/problems/" + id + "/photos/" + photoId), "admin");
        byte[] thumb = bytes(get("/api/v1/problems/" + id + "/photos/" + photoId + "?size=thumb"), "handler1");
        String marker = ProblemFixtures.GPS_MARKER;
        assertThat(new String(clean, StandardCharsets.ISO_8859_1)).doesNotContain(marker).doesNotContain("Exif");
        assertThat(new String(original, StandardCharsets.ISO_8859_1)).contains(marker);
        java.awt.image.BufferedImage t = javax.imageio.ImageIO.read(new ByteArrayInputStream(thumb));
        assertThat(Math.max(t.getWidth(), t.getHeight())).isLessThanOrEqualTo(320);
        mvc.perform(Api.as(mvc, "handler3", get("/api/v1/problems/" + id + "/photos/" + photoId)))
                .andExpect(status().isNotFound());
    }

    @Test
    void badSubmissionsAreRefusedNamingTheFieldAndLeaveNothingBehind() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM problem").query(Long.class).single();
        long photosBefore = jdbc.sql("SELECT COUNT(*) FROM problem_photo").query(Long.class).single();
        long blobsBefore = jdbc.sql("SELECT COUNT(*) FROM blob").query(Long.class).single();
        org.springframework.mock.web.MockMultipartFile text = new org.springframework.mock.web.MockMultipartFile(
                "photos", "fake.jpg", "image/jpeg", "this is not an image at all".getBytes(StandardCharsets.UTF_8));
        submit(mvc, "grid1", problemJson(unique("坏照片"), "SERVICE", null), photo("ok.jpg"), text)
                .andExpect(status().isBadRequest());
        org.springframework.mock.web.MockMultipartFile[] ten = new org.springframework.mock.web.MockMultipartFile[10];
        for (int i = 0; i < ten.length; i++) {
            ten[i] = photo("p" + i + ".jpg");
        }
        submit(mvc, "grid1", problemJson(unique("太多照片"), "SERVICE", null), ten)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("photos"));
        byte[] huge = java.util.Arrays.copyOf(ProblemFixtures.jpegWithExif(), 10 * 1024 * 1024 + 1);
        submit(mvc, "grid1", problemJson(unique("超大照片"), "SERVICE", null),
                new org.springframework.mock.web.MockMultipartFile("photos", "huge.jpg", "image/jpeg", huge))
                .andExpect(status().isContentTooLarge());
        submit(mvc, "grid1", problemJson(unique("像素炸弹"), "SERVICE", null),
                new org.springframework.mock.web.MockMultipartFile("photos", "bomb.png", "image/png", pixelBomb()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("photos"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("百万像素")));
        submit(mvc, "grid1", problemJson(unique("无类别"), "NO_SUCH", null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("categoryCode"));
        submit(mvc, "grid1", problemJson(unique("无单位"), "SERVICE", 987654321L))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("orgUnitId"));
        submit(mvc, "grid1", problemJson("", "SERVICE", null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("title"));
        submit(mvc, "grid1", "{\"title\":\"匿名\",\"description\":\"d\",\"categoryCode\":\"SERVICE\",\"anonymous\":true}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("anonymous"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM problem").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM problem_photo").query(Long.class).single()).isEqualTo(photosBefore);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM blob").query(Long.class).single()).isEqualTo(blobsBefore);
    }

    @Test
    void replyMayCarryEvidencePhotosAsMultipart() throws Exception {
        String id = submitOk(mvc, "grid1", unique("整改证据"), "SERVICE", unitId(mvc, "渠道管理班组")).get("id")
                .asString();
        act(mvc, "handler1", id, "ACCEPT").andExpect(status().isOk());
        org.springframework.mock.web.MockMultipartFile action = new org.springframework.mock.web.MockMultipartFile(
                "action", "", "application/json",
                "{\"action\":\"REPLY\",\"comment\":\"已整改，附照片\"}".getBytes(StandardCharsets.UTF_8));
        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/api/v1/problems/" + id + "/actions").file(action).file(photo("evidence.jpg"))
                        .header("Authorization", "Bearer " + Api.token(mvc, "handler1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REPLIED"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode detail = Api.json(body);
        JsonNode evidence = detail.get("photos").get(0);
        String replyStep = detail.get("timeline").get(detail.get("timeline").size() - 1).get("id").asString();
        assertThat(evidence.get("stepId").asString()).isEqualTo(replyStep);
    }

    @Test
    void listIsKeysetPagedAndFilteredByWarning() throws Exception {
        JsonNode first = Api.json(body(get("/api/v1/problems?size=3"), "admin"));
        assertThat(first.get("items").size()).isEqualTo(3);
        String cursor = first.get("nextCursor").asString();
        JsonNode second = Api.json(body(get("/api/v1/problems?size=3&cursor=" + cursor), "admin"));
        long lastOfFirst = Long.parseLong(first.get("items").get(2).get("id").asString());
        assertThat(Long.parseLong(second.get("items").get(0).get("id").asString())).isLessThan(lastOfFirst);
        mvc.perform(Api.as(mvc, "admin", get("/api/v1/problems?cursor=%%%bad"))).andExpect(status().isBadRequest());
        JsonNode red = Api.json(body(get("/api/v1/problems?warning=RED&size=100"), "admin"));
        assertThat(red.get("items").size()).isGreaterThan(0);
        red.get("items").forEach(i -> assertThat(i.get("warning").asString()).isEqualTo("RED"));
        JsonNode blue = Api.json(body(get("/api/v1/problems?warning=BLUE&size=100"), "admin"));
        blue.get("items").forEach(i -> assertThat(i.get("warning").asString()).isEqualTo("BLUE"));
        JsonNode mine = Api.json(body(get("/api/v1/problems?size=100"), "grid2"));
        mine.get("items").forEach(i -> assertThat(i.get("mine").asBoolean()).isTrue());
    }

    @Test
    void exportIsARealWorkbookWithoutTheReporter() throws Exception {
        String title = unique("导出测试");
        String number = submitOk(mvc, "grid1", title, "SERVICE", unitId(mvc, "渠道管理班组")).get("number")
                .asString();
        byte[] xlsx = bytes(get("/api/v1/problems/export.xlsx?q=" + title), "handler1");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(number);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(title);
            for (Row r : sheet) {
                r.forEach(c -> assertThat(c.toString()).doesNotContain("吴海涛").doesNotContain("grid1"));
            }
        }
    }

    /** A small PNG (one bit a pixel, all white) that would inflate to 50 megapixels × 4 bytes if decoded. */
    private static byte[] pixelBomb() throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(10_000, 5_000, java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        assertThat(out.size()).isLessThan(1024 * 1024);
        return out.toByteArray();
    }

    private String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder req, String user)
            throws Exception {
        return mvc.perform(Api.as(mvc, user, req)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private byte[] bytes(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder req, String user)
            throws Exception {
        return mvc.perform(Api.as(mvc, user, req)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }

    private String assertNoReporter(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder req,
            String user) throws Exception {
        String json = body(req, user);
        assertClean(json);
        return json;
    }

    private static void assertClean(String json) {
        for (String trace : REPORTER_TRACES) {
            assertThat(json).doesNotContain(trace);
        }
    }
}
