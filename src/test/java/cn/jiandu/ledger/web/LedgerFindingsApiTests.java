package cn.jiandu.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.shared.security.Role;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.LedgerSupervisors;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * 指出问题 / 整改建议 per role: the office records, the supervisor reads only his own and acknowledges, another
 * supervisor gets 404, a leader reads but cannot record or acknowledge; bad input is refused naming the field.
 */
@IntegrationTest
class LedgerFindingsApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext ctx;

    JsonNode call(String user, MockHttpServletRequestBuilder r, int expected) throws Exception {
        String s = mvc.perform(Api.as(mvc, user, r.contentType(MediaType.APPLICATION_JSON)))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return s.isEmpty() ? null : Api.json(s);
    }

    @Test
    void theOfficeRecordsTheSupervisorReadsHisOwnAndAcknowledges() throws Exception {
        List<Long> appointed = LedgerSupervisors.in(ctx).appoint(Role.GRID_SUPERVISOR, Api.orgUnitId(mvc, "廉州网格"),
                LocalDate.of(2026, 1, 1), "grid1", "grid2");
        long a1 = appointed.get(0);
        long a2 = appointed.get(1);
        String base = "/api/v1/ledger/" + a1 + "/findings";

        // bad input, nothing written
        assertThat(call("admin", post(base).content(Api.write(Map.of("period", "2026-Q3", "finding", " "))), 400)
                .at("/errors/0/field").asString()).isEqualTo("finding");
        assertThat(call("admin", post(base).content(Api.write(Map.of("period", "2026-Q5", "finding", "x"))), 400)
                .at("/errors/0/field").asString()).isEqualTo("period");
        assertThat(call("admin", get(base), 200)).isEmpty();

        // only the office records
        call("secretary", post(base).content(Api.write(Map.of("period", "2026-Q3", "finding", "x"))), 403);
        call("grid1", post(base).content(Api.write(Map.of("period", "2026-Q3", "finding", "x"))), 403);

        JsonNode f = call("admin", post(base).content(Api.write(Map.of("period", "2026-Q3",
                "finding", "反馈材料未按期提交", "suggestion", "每月 5 日前提交履职材料"))), 201);
        String id = f.get("id").asString();
        assertThat(f.get("acknowledged").asBoolean()).isFalse();
        assertThat(f.get("period").asString()).isEqualTo("2026-Q3");

        // the supervisor reads his own; another supervisor gets 404 for reading and acknowledging
        JsonNode mine = call("grid1", get(base), 200);
        assertThat(mine).hasSize(1);
        assertThat(mine.at("/0/finding").asString()).isEqualTo("反馈材料未按期提交");
        assertThat(mine.at("/0/suggestion").asString()).isEqualTo("每月 5 日前提交履职材料");
        call("grid2", get(base), 404);
        call("grid2", post(base + "/" + id + "/acknowledge"), 404);
        call("grid1", get("/api/v1/ledger/" + a2 + "/findings"), 404);
        // a finding id of another appointment is not found under this one
        call("grid2", post("/api/v1/ledger/" + a2 + "/findings/" + id + "/acknowledge"), 404);

        // a leader reads it but it is not his to acknowledge
        assertThat(call("secretary", get(base), 200)).hasSize(1);
        call("secretary", post(base + "/" + id + "/acknowledge"), 403);

        JsonNode ack = call("grid1", post(base + "/" + id + "/acknowledge"), 200);
        assertThat(ack.get("acknowledged").asBoolean()).isTrue();
        String when = ack.get("acknowledgedAt").asString();
        assertThat(call("grid1", post(base + "/" + id + "/acknowledge"), 200).get("acknowledgedAt").asString())
                .isEqualTo(when);
        assertThat(call("admin", get(base), 200).at("/0/acknowledged").asBoolean()).isTrue();
    }
}
