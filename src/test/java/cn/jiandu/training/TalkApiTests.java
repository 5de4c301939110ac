package cn.jiandu.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.shared.time.ClockConfig;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** 谈心谈话: a supervisor records, he, the office and the leaders read; bad input writes nothing. */
@IntegrationTest
class TalkApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory users;

    @Autowired
    JdbcClient jdbc;

    String tag = UUID.randomUUID().toString().substring(0, 8);

    MockHttpServletResponse record(String who, Map<String, Object> body) throws Exception {
        return mvc.perform(Api.as(mvc, who, post("/api/v1/talks")).contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(body))).andReturn().getResponse();
    }

    int status(String who, String path) throws Exception {
        return mvc.perform(Api.as(mvc, who, get(path))).andReturn().getResponse().getStatus();
    }

    @Test
    void aSupervisorRecordsATalkReadByHimTheOfficeAndLeadersOnly() throws Exception {
        long staff11 = users.findByUsername("staff11").orElseThrow().id(); // 廉州网格, grid1's grid
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("withUserId", String.valueOf(staff11));
        body.put("heldOn", LocalDate.now(ClockConfig.ZONE).minusDays(1).toString());
        body.put("topic", "营销活动廉洁提醒 " + tag);
        body.put("summary", "提醒其在代理商酬金结算中严格执行公司规定，不得收受礼品。");
        body.put("followUp", "下月回访");
        var r = record("grid1", body);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        JsonNode t = Api.json(r.getContentAsString());
        assertThat(t.get("with").asString()).isEqualTo("花建平");
        String path = "/api/v1/talks/" + t.get("id").asString();
        assertThat(status("grid1", path)).isEqualTo(200);
        assertThat(status("admin", path)).isEqualTo(200);
        assertThat(status("secretary", path)).isEqualTo(200);
        assertThat(status("grid2", path)).isEqualTo(404);
        assertThat(status("handler1", path)).isEqualTo(404);
        String mine = mvc.perform(Api.as(mvc, "grid2", get("/api/v1/talks"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(mine).doesNotContain(tag);
        JsonNode record = Api.json(mvc.perform(Api.as(mvc, "grid1", get("/api/v1/people/"
                + users.findByUsername("grid1").orElseThrow().id() + "/training-record"))).andReturn().getResponse()
                .getContentAsString());
        assertThat(record.get("talkList").findValuesAsString("topic")).contains("营销活动廉洁提醒 " + tag);
    }

    @Test
    void badInputAndNonSupervisorsAreRefusedAndNothingIsWritten() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM training_talk").query(Long.class).single();
        long grid4 = users.findByUsername("grid4").orElseThrow().id(); // 福成网格: not in grid1's unit
        Map<String, Object> outside = new LinkedHashMap<>(Map.of("withUserId", String.valueOf(grid4), "heldOn",
                LocalDate.now(ClockConfig.ZONE).toString(), "topic", "t " + tag, "summary", "s"));
        var r = record("grid1", outside);
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains("withUserId");
        var future = record("grid1", Map.of("withDescription", "一名代理商店员", "heldOn",
                LocalDate.now(ClockConfig.ZONE).plusDays(2).toString(), "topic", "t", "summary", "s"));
        assertThat(future.getStatus()).isEqualTo(400);
        assertThat(future.getContentAsString()).contains("heldOn");
        assertThat(record("grid1", Map.of("heldOn", LocalDate.now(ClockConfig.ZONE).toString(), "topic", "t",
                "summary", "s")).getStatus()).as("with whom").isEqualTo(400);
        assertThat(record("staff1", Map.of("withDescription", "同事", "heldOn",
                LocalDate.now(ClockConfig.ZONE).toString(), "topic", "t", "summary", "s")).getStatus())
                .as("not a supervisor").isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM training_talk").query(Long.class).single()).isEqualTo(before);
        var described = record("team1", Map.of("withDescription", "渠道代理商店长", "heldOn",
                LocalDate.now(ClockConfig.ZONE).toString(), "topic", "t " + tag, "summary", "s"));
        assertThat(described.getStatus()).isEqualTo(201);
    }
}
