package cn.jiandu.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.assessment.domain.Grades;
import cn.jiandu.assessment.domain.SchemeDefinition;
import cn.jiandu.assessment.domain.StandardSchemes;
import cn.jiandu.shared.security.Role;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.LedgerSupervisors;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/** 绩效积分 for HR: only of a published run, one row per person with his total, grade and the grade's points. */
@IntegrationTest
class PerformancePointsApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext ctx;

    JsonNode call(String user, MockHttpServletRequestBuilder r, int expected) throws Exception {
        String s = mvc.perform(Api.as(mvc, user, r.contentType(MediaType.APPLICATION_JSON)))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return s.isEmpty() ? null : Api.json(s);
    }

    byte[] export(String user, String run, int expected) throws Exception {
        return mvc.perform(Api.as(mvc, user, get("/api/v1/assessments/" + run + "/export/performance-points.xlsx")))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void hrReadsThePointsOfAPublishedRun() throws Exception {
        int year = FreeYear.pick(jdbc, 2100, 50);
        SchemeDefinition std = StandardSchemes.of(Role.GRID_SUPERVISOR, year);
        SchemeDefinition def = new SchemeDefinition(std.type(), std.year(), std.dimensions(),
                new Grades(new BigDecimal("90"), new BigDecimal("5"), null));
        String scheme = call("admin", post("/api/v1/assessment-schemes").content(Api.write(def)), 201).get("id")
                .asString();
        List<Long> a = LedgerSupervisors.in(ctx).appoint(Role.GRID_SUPERVISOR, Api.orgUnitId(mvc, "廉州网格"),
                LocalDate.of(year, 1, 1), "grid1", "grid2");
        String run = call("admin", post("/api/v1/assessments").content(Api.write(Map.of("schemeId", scheme,
                "period", year + "-Q3"))), 201).get("id").asString();
        call("admin", put("/api/v1/assessments/" + run + "/results/" + a.get(0) + "/scores").content(Api.write(Map.of(
                "indicatorCode", "QUALITY_RUBRIC", "score", 7.5, "reason", "问题质量较好"))), 200);

        export("admin", run, 409);
        export("hr_reviewer", run, 404);
        export("grid1", run, 403);
        call("admin", post("/api/v1/assessments/" + run + "/actions").content("{\"action\":\"SUBMIT\"}"), 200);
        call("secretary", post("/api/v1/assessments/" + run + "/actions").content("{\"action\":\"PUBLISH\"}"), 200);

        JsonNode results = call("admin", get("/api/v1/assessments/" + run + "/results"), 200).get("items");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export("hr_reviewer", run, 200)))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(8).getStringCellValue()).isEqualTo("绩效积分");
            assertThat(s.getLastRowNum()).as("one row per person assessed").isEqualTo(results.size());
            Row first = s.getRow(1);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("grid1");
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo(results.at("/0/person").asString());
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo(year + "-Q3");
            assertThat(first.getCell(6).getNumericCellValue()).isEqualTo(results.at("/0/total").asDouble());
            assertThat(first.getCell(7).getStringCellValue()).isEqualTo("合格");
            assertThat(first.getCell(8).getNumericCellValue()).isEqualTo(3.0);
            Row second = s.getRow(2);
            assertThat(second.getCell(1).getStringCellValue()).isEqualTo("grid2");
            assertThat(second.getCell(7).getStringCellValue()).isEqualTo("不合格");
            assertThat(second.getCell(8).getNumericCellValue()).isEqualTo(0.0);
        }
        export("grid1", run, 403);

        // 三级责任: both under 廉州网格 at the grid level; the supervisor's roll-up holds only his own result
        JsonNode grid = call("admin", get("/api/v1/assessments/" + run + "/rollup").param("level", "GRID"), 200);
        JsonNode lianzhou = null;
        for (JsonNode i : grid.get("items")) {
            if (i.get("unitName").asString().equals("廉州网格")) {
                lianzhou = i;
            }
        }
        assertThat(lianzhou).isNotNull();
        assertThat(lianzhou.get("supervisors").asInt()).isEqualTo(2);
        assertThat(lianzhou.get("max").decimalValue()).isEqualByComparingTo(results.at("/0/total").decimalValue());
        assertThat(lianzhou.get("min").decimalValue()).isEqualByComparingTo(results.at("/1/total").decimalValue());
        assertThat(lianzhou.get("spread").decimalValue()).isEqualByComparingTo(results.at("/0/total").decimalValue()
                .subtract(results.at("/1/total").decimalValue()));
        assertThat(lianzhou.get("qualified").asInt()).isEqualTo(1);
        assertThat(lianzhou.get("unqualified").asInt()).isEqualTo(1);
        JsonNode own = call("grid1", get("/api/v1/assessments/" + run + "/rollup").param("level", "GRID"), 200);
        assertThat(own.get("items")).hasSize(1);
        assertThat(own.at("/items/0/supervisors").asInt()).isEqualTo(1);
        assertThat(call("admin", get("/api/v1/assessments/" + run + "/rollup").param("level", "TEAM"), 400)
                .at("/errors/0/field").asString()).isEqualTo("level");
        call("staff1", get("/api/v1/assessments/" + run + "/rollup").param("level", "GRID"), 403);
    }
}
