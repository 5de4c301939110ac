package cn.jiandu.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.ledger.LedgerPeriod;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * 季通报 through the REST contract: drafted only for an ended quarter, its figures equal to the ledger's, the .docx
 * (rendered by poi-tl into the built-in template) opened with POI and checked for its figures, the edited text, the
 * ranking table, the chart picture and the Chinese fonts; published once, then frozen and readable by supervisors; a
 * replaced template that is no .docx or lacks tags refused naming what is missing.
 */
@IntegrationTest
class BulletinApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;

    JsonNode call(String user, MockHttpServletRequestBuilder r, int expected) throws Exception {
        String s = mvc.perform(Api.as(mvc, user, r.contentType(MediaType.APPLICATION_JSON)))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return s.isEmpty() ? null : Api.json(s);
    }

    byte[] bytes(String user, String url, int expected) throws Exception {
        return mvc.perform(Api.as(mvc, user, get(url))).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsByteArray();
    }

    /** The ledger's sums over every supervisor of the three types for the quarter, as the office reads them. */
    int[] ledgerSums(String quarter) throws Exception {
        int[] s = new int[6];
        for (String type : List.of("BRANCH_INSPECTOR", "TEAM_SUPERVISOR", "GRID_SUPERVISOR")) {
            String cursor = null;
            do {
                MockHttpServletRequestBuilder r = get("/api/v1/ledger").param("period", quarter).param("type", type)
                        .param("size", "100");
                if (cursor != null) {
                    r.param("cursor", cursor);
                }
                JsonNode page = call("admin", r, 200);
                for (JsonNode i : page.get("items")) {
                    s[0]++;
                    s[1] += i.at("/metrics/problemsReported").asInt();
                    s[2] += i.at("/metrics/problemsResolved").asInt();
                    s[3] += i.at("/metrics/problemsSatisfied").asInt();
                    s[4] += i.at("/metrics/problemsOverdue").asInt();
                    s[5] += i.at("/metrics/problemsTransferred").asInt();
                }
                cursor = page.get("nextCursor") == null || page.get("nextCursor").isNull() ? null
                        : page.get("nextCursor").asString();
            } while (cursor != null);
        }
        return s;
    }

    /** Drafts the quarter's bulletin, or continues its open draft (left by an earlier run on the same database). */
    String draftOf(String quarter) throws Exception {
        var r = mvc.perform(Api.as(mvc, "admin", post("/api/v1/bulletins")).contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(java.util.Map.of("quarter", quarter)))).andReturn().getResponse();
        if (r.getStatus() == 201) {
            return Api.json(r.getContentAsString(StandardCharsets.UTF_8)).get("id").asString();
        }
        assertThat(r.getStatus()).isEqualTo(409);
        for (JsonNode b : call("admin", get("/api/v1/bulletins"), 200)) {
            if (b.get("quarter").asString().equals(quarter) && b.get("status").asString().equals("DRAFT")) {
                return b.get("id").asString();
            }
        }
        throw new AssertionError("409 without a draft of " + quarter);
    }

    @Test
    void theOfficeDraftsEditsAndPublishesTheQuarterAsAWordDocumentWhoseFiguresAreTheLedgers() throws Exception {
        LocalDate today = LocalDate.now(clock);
        LedgerPeriod current = LedgerPeriod.holding(today, LedgerPeriod.Granularity.QUARTER);
        String quarter = LedgerPeriod.holding(current.from().minusMonths(4), LedgerPeriod.Granularity.QUARTER).code();

        // bad input and the wrong people
        assertThat(call("admin", post("/api/v1/bulletins").content("{\"quarter\":\"2026-Q5\"}"), 400)
                .at("/errors/0/field").asString()).isEqualTo("quarter");
        assertThat(call("admin", post("/api/v1/bulletins").content("{\"quarter\":\"2026-09\"}"), 400)
                .at("/errors/0/field").asString()).isEqualTo("quarter");
        call("admin", post("/api/v1/bulletins").content("{\"quarter\":\"" + current.code() + "\"}"), 409);
        call("grid1", post("/api/v1/bulletins").content("{\"quarter\":\"" + quarter + "\"}"), 403);
        call("secretary", post("/api/v1/bulletins").content("{\"quarter\":\"" + quarter + "\"}"), 403);

        String id = draftOf(quarter);
        call("grid1", get("/api/v1/bulletins/" + id), 404);
        bytes("grid1", "/api/v1/bulletins/" + id + "/document.docx", 404);
        call("handler1", get("/api/v1/bulletins"), 403);

        // the office edits the text; saving refreshes the figures
        String issues = "一是部分网格问题整改超期（" + UUID.randomUUID().toString().substring(0, 8) + "）。";
        JsonNode b = call("admin", put("/api/v1/bulletins/" + id).content(Api.write(java.util.Map.of(
                "issues", issues, "requirements", "各网格监督员每月至少报送一条问题。"))), 200);
        assertThat(b.get("issues").asString()).isEqualTo(issues);
        int[] sums = ledgerSums(quarter);
        JsonNode f = b.get("figures");
        assertThat(f.get("supervisors").asInt()).isEqualTo(sums[0]);
        assertThat(f.get("reported").asInt()).isEqualTo(sums[1]);
        assertThat(f.get("resolved").asInt()).isEqualTo(sums[2]);
        assertThat(f.get("satisfied").asInt()).isEqualTo(sums[3]);
        assertThat(f.get("overdue").asInt()).isEqualTo(sums[4]);
        assertThat(f.get("transferred").asInt()).isEqualTo(sums[5]);

        // the document: figures, the edited text, the ranking table, the chart, the fonts
        byte[] docx = bytes("admin", "/api/v1/bulletins/" + id + "/document.docx", 200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            StringBuilder text = new StringBuilder();
            doc.getParagraphs().forEach(p -> text.append(p.getText()).append('\n'));
            String all = text.toString();
            assertThat(all).contains(b.get("title").asString());
            assertThat(all).contains("报告问题 " + sums[1] + " 件").contains("已整改 " + sums[2] + " 件")
                    .contains("群众满意 " + sums[3] + " 件").contains("超期 " + sums[4] + " 件")
                    .contains("移交问题线索 " + sums[5] + " 件");
            assertThat(all).contains("应参训 " + f.get("invited").asInt() + " 人次")
                    .contains("实际参训 " + f.get("attended").asInt() + " 人次");
            assertThat(all).contains(issues).contains("各网格监督员每月至少报送一条问题。").doesNotContain("{{");
            assertThat(doc.getTables()).hasSize(1);
            XWPFTable ranking = doc.getTables().get(0);
            assertThat(ranking.getRow(0).getCell(0).getText()).isEqualTo("层级");
            assertThat(ranking.getNumberOfRows()).as("a header and a row per ranked unit")
                    .isEqualTo(1 + f.get("ranking").size());
            if (!f.get("ranking").isEmpty()) {
                assertThat(ranking.getRow(1).getCell(2).getText()).isEqualTo(f.at("/ranking/0/unit").asString());
                assertThat(ranking.getRow(1).getCell(4).getText()).isEqualTo(f.at("/ranking/0/reported").asString());
            }
            assertThat(doc.getAllPictures()).hasSize(1);
            assertThat(doc.getAllPictures().get(0).suggestFileExtension()).isEqualTo("png");
            XWPFParagraph figures = doc.getParagraphs().stream().filter(p -> p.getText().contains("报告问题"))
                    .findFirst().orElseThrow();
            XWPFRun run = figures.getRuns().get(0);
            assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋");
        }

        // a replaced template: not a .docx, or lacking tags → 400 naming what is missing; the built-in one is fine
        assertThat(Api.json(template("not a word file".getBytes(StandardCharsets.UTF_8), 400)).at("/errors/0/field")
                .asString()).isEqualTo("file");
        ByteArrayOutputStream lacking = new ByteArrayOutputStream();
        try (XWPFDocument d = new XWPFDocument()) {
            d.createParagraph().createRun().setText("{{title}} {{intro}}");
            d.write(lacking);
        }
        String refused = template(lacking.toByteArray(), 400);
        assertThat(refused).contains("reported").contains("ranking").contains("problemChart").doesNotContain("intro,");
        template(bytes("admin", "/api/v1/bulletins/template.docx", 200), 204);

        // published: frozen, readable by supervisors, announced to them
        JsonNode published = call("admin", post("/api/v1/bulletins/" + id + "/publish"), 200);
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        call("admin", post("/api/v1/bulletins/" + id + "/publish"), 409);
        call("admin", put("/api/v1/bulletins/" + id).content("{\"issues\":\"改\"}"), 409);
        assertThat(call("grid1", get("/api/v1/bulletins/" + id), 200).get("issues").asString()).isEqualTo(issues);
        assertThat(bytes("grid1", "/api/v1/bulletins/" + id + "/document.docx", 200)).isNotEmpty();
        long told = 0;
        for (int i = 0; i < 400 && told == 0; i++) {
            told = jdbc.sql("""
                    SELECT COUNT(*) FROM notification n JOIN app_user u ON u.id = n.recipient_id
                    WHERE u.username = 'grid1' AND n.link = :l""").param("l", "/assessment/bulletins/" + id)
                    .query(Long.class).single();
            Thread.sleep(25);
        }
        assertThat(told).as("grid1 told").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE target_type = 'assessment_bulletin' AND target_id = :t")
                .param("t", id).query(Long.class).single()).as("edit and publish audited").isGreaterThanOrEqualTo(2);
    }

    @Test
    void theDemoHasLastQuartersBulletinPublishedFromTheDemoLedger() throws Exception {
        LedgerPeriod current = LedgerPeriod.holding(LocalDate.now(clock), LedgerPeriod.Granularity.QUARTER);
        String last = LedgerPeriod.holding(current.from().minusDays(1), LedgerPeriod.Granularity.QUARTER).code();
        JsonNode demo = null;
        for (JsonNode b : call("grid1", get("/api/v1/bulletins"), 200)) {
            if (b.get("quarter").asString().equals(last) && b.get("edition").asInt() == 1) {
                demo = b;
            }
        }
        assertThat(demo).as("published, so a supervisor reads it").isNotNull();
        assertThat(demo.get("status").asString()).isEqualTo("PUBLISHED");
        int[] sums = ledgerSums(last);
        assertThat(demo.at("/figures/reported").asInt()).isEqualTo(sums[1]).isPositive();
        assertThat(demo.at("/figures/resolved").asInt()).isEqualTo(sums[2]);
    }

    String template(byte[] content, int expected) throws Exception {
        return mvc.perform(multipart(HttpMethod.PUT, "/api/v1/bulletins/template")
                        .file(new MockMultipartFile("file", "模板.docx", "application/octet-stream", content))
                        .header("Authorization", "Bearer " + Api.token(mvc, "admin")))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
