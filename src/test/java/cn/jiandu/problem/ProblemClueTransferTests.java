package cn.jiandu.problem;

import static cn.jiandu.problem.ProblemFixtures.act;
import static cn.jiandu.problem.ProblemFixtures.submitOk;
import static cn.jiandu.problem.ProblemFixtures.unique;
import static cn.jiandu.problem.ProblemFixtures.unitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * 问题线索移交 by the handling unit goes through the discipline office: the unit proposes (PROPOSE_TRANSFER, with a
 * reason), the office confirms (TRANSFER_CLUE) or rejects (REJECT_TRANSFER, with a reason); each role's answer, the
 * notifications, the timeline and the audit trail.
 */
@IntegrationTest
class ProblemClueTransferTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void handlerProposesTheOfficeRejectsTheUnitGoesOnThenTheOfficeConfirms() throws Exception {
        String title = unique("移交申请");
        // 服务质量 in 渠道管理班组: the demo rule dispatches it to 市场经营部 (handler1)
        String id = submitOk(mvc, "grid1", title, "SERVICE", unitId(mvc, "渠道管理班组")).get("id").asString();

        // the handler may no longer transfer himself; proposing needs a reason
        act(mvc, "handler1", id, "TRANSFER_CLUE", "comment", "自行移交").andExpect(status().isForbidden());
        act(mvc, "handler1", id, "PROPOSE_TRANSFER").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
        // nobody else proposes: the reporter, a leader and the office may not (403), another unit cannot see it (404)
        act(mvc, "grid1", id, "PROPOSE_TRANSFER", "comment", "x").andExpect(status().isForbidden());
        act(mvc, "secretary", id, "PROPOSE_TRANSFER", "comment", "x").andExpect(status().isForbidden());
        act(mvc, "admin", id, "PROPOSE_TRANSFER", "comment", "x").andExpect(status().isForbidden());
        act(mvc, "handler3", id, "PROPOSE_TRANSFER", "comment", "x").andExpect(status().isNotFound());
        assertThat(detail("admin", id).get("transferProposedAt").isNull()).isTrue();

        String reason = "约谈中发现涉嫌违规收受礼品 " + title;
        act(mvc, "handler1", id, "PROPOSE_TRANSFER", "comment", reason).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.transferProposedAt").isNotEmpty())
                .andExpect(jsonPath("$.allowedActions", not(hasItem("PROPOSE_TRANSFER"))))
                .andExpect(jsonPath("$.allowedActions", not(hasItem("TRANSFER_CLUE"))));
        act(mvc, "handler1", id, "PROPOSE_TRANSFER", "comment", "再申请一次").andExpect(status().isConflict());

        // the office sees the pending proposal and may decide it, and is told through the inbox
        JsonNode seenByAdmin = detail("admin", id);
        assertThat(seenByAdmin.get("status").asString()).isEqualTo("DISPATCHED");
        assertThat(seenByAdmin.get("transferProposedAt").isNull()).isFalse();
        mvc.perform(Api.as(mvc, "admin", get("/api/v1/problems/" + id)))
                .andExpect(jsonPath("$.allowedActions", hasItems("REJECT_TRANSFER", "TRANSFER_CLUE")))
                .andExpect(jsonPath("$.timeline[-1:].action", hasItem("PROPOSE_TRANSFER")))
                .andExpect(jsonPath("$.timeline[-1:].comment", hasItem(reason)))
                .andExpect(jsonPath("$.timeline[-1:].side", hasItem("HANDLER")));
        assertThat(awaitNotification("admin", title, "申请移交问题线索").get("link").asString())
                .isEqualTo("/problems/" + id);
        // the reporter and the branch secretary do not learn that a transfer was proposed
        for (String outsider : List.of("grid1", "bs_market")) {
            String body = raw(outsider, id);
            assertThat(body).as(outsider).doesNotContain(reason).doesNotContain("PROPOSE_TRANSFER");
            assertThat(Api.json(body).get("transferProposedAt").isNull()).as(outsider).isTrue();
        }
        // the leader reads it but the decision is the office's; the unit cannot decide its own proposal
        assertThat(detail("secretary", id).get("transferProposedAt").isNull()).isFalse();
        act(mvc, "secretary", id, "REJECT_TRANSFER", "comment", "x").andExpect(status().isForbidden());
        act(mvc, "secretary", id, "TRANSFER_CLUE", "comment", "x").andExpect(status().isForbidden());
        act(mvc, "handler1", id, "REJECT_TRANSFER", "comment", "x").andExpect(status().isForbidden());

        // rejected, with a reason: the unit is told and goes on handling it
        act(mvc, "admin", id, "REJECT_TRANSFER").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
        String rejection = "属一般服务问题，请继续办理";
        act(mvc, "admin", id, "REJECT_TRANSFER", "comment", rejection).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.transferProposedAt").doesNotExist());
        act(mvc, "admin", id, "REJECT_TRANSFER", "comment", "again").andExpect(status().isConflict());
        awaitNotification("handler1", title, "移交申请未获同意");
        mvc.perform(Api.as(mvc, "handler1", get("/api/v1/problems/" + id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.timeline[-1:].comment", hasItem(rejection)))
                .andExpect(jsonPath("$.allowedActions", hasItem("PROPOSE_TRANSFER")));
        act(mvc, "handler1", id, "ACCEPT").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));

        // proposed again, now confirmed: transferred, and the unit loses sight of it (told, without a link)
        act(mvc, "handler1", id, "PROPOSE_TRANSFER", "comment", "有新证据").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        act(mvc, "admin", id, "TRANSFER_CLUE", "comment", "同意移交").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("TRANSFERRED"))
                .andExpect(jsonPath("$.transferProposedAt").doesNotExist());
        mvc.perform(Api.as(mvc, "handler1", get("/api/v1/problems/" + id))).andExpect(status().isNotFound());
        act(mvc, "handler1", id, "NOTE", "comment", "x").andExpect(status().isNotFound());
        JsonNode confirmation = awaitNotification("handler1", title, "已按你单位的申请移交");
        assertThat(confirmation.get("link").isNull()).as("no link to a report the unit can no longer open").isTrue();
        String seenByReporter = raw("grid1", id);
        assertThat(Api.json(seenByReporter).get("status").asString()).isEqualTo("TRANSFERRED");
        assertThat(seenByReporter).doesNotContain(reason).doesNotContain("有新证据").doesNotContain(rejection)
                .doesNotContain("同意移交").doesNotContain("REJECT_TRANSFER");

        // every step is on the office's timeline and in the audit trail
        List<String> actions = new ArrayList<>();
        detail("admin", id).get("timeline").forEach(s -> actions.add(s.get("action").asString()));
        assertThat(actions).containsSubsequence("PROPOSE_TRANSFER", "REJECT_TRANSFER", "ACCEPT", "PROPOSE_TRANSFER",
                "TRANSFER_CLUE");
        assertThat(audit(id, "problem.propose_transfer", "handler1")).isEqualTo(2);
        assertThat(audit(id, "problem.reject_transfer", "admin")).isEqualTo(1);
        assertThat(audit(id, "problem.transfer_clue", "admin")).isEqualTo(1);
    }

    @Test
    void theOfficeStillTransfersWithoutAProposalAndCannotRejectWhatWasNotProposed() throws Exception {
        String id = submitOk(mvc, "grid1", unique("直接移交"), "SERVICE", unitId(mvc, "渠道管理班组")).get("id")
                .asString();
        act(mvc, "admin", id, "REJECT_TRANSFER", "comment", "无申请").andExpect(status().isConflict());
        act(mvc, "admin", id, "TRANSFER_CLUE", "comment", "涉嫌违纪").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("TRANSFERRED"));
        mvc.perform(Api.as(mvc, "handler1", get("/api/v1/problems/" + id))).andExpect(status().isNotFound());
        // once transferred nobody proposes or decides anything any more
        act(mvc, "admin", id, "REJECT_TRANSFER", "comment", "x").andExpect(status().isConflict());
        act(mvc, "admin", id, "TRANSFER_CLUE", "comment", "x").andExpect(status().isConflict());
    }

    @Test
    void aProposalLapsesWhenTheUnitReturnsTheReport() throws Exception {
        String id = submitOk(mvc, "grid1", unique("申请后退回"), "SERVICE", unitId(mvc, "渠道管理班组")).get("id")
                .asString();
        act(mvc, "handler1", id, "PROPOSE_TRANSFER", "comment", "线索").andExpect(status().isOk());
        act(mvc, "handler1", id, "RETURN", "comment", "不属于本部门").andExpect(status().isOk());
        mvc.perform(Api.as(mvc, "admin", get("/api/v1/problems/" + id)))
                .andExpect(jsonPath("$.status").value("PENDING_DISPATCH"))
                .andExpect(jsonPath("$.transferProposedAt").doesNotExist())
                .andExpect(jsonPath("$.allowedActions", not(hasItem("REJECT_TRANSFER"))));
    }

    private JsonNode detail(String user, String id) throws Exception {
        return Api.json(raw(user, id));
    }

    private String raw(String user, String id) throws Exception {
        return mvc.perform(Api.as(mvc, user, get("/api/v1/problems/" + id))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long audit(String id, String action, String actor) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM audit_entry WHERE target_type = 'problem' AND target_id = :id AND action = :action
                  AND actor_name = :actor AND outcome = 'SUCCESS'""")
                .param("id", id).param("action", action).param("actor", actor).query(Long.class).single();
    }

    /** Waits for the delivery (after the commit) of a notification whose text contains all of {@code texts}. */
    private JsonNode awaitNotification(String user, String... texts) throws Exception {
        String body = "";
        for (int i = 0; i < 50; i++) {
            body = mvc.perform(Api.as(mvc, user, get("/api/v1/notifications?size=100"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            for (JsonNode n : Api.json(body).get("items")) {
                String message = n.get("message").asString();
                if (List.of(texts).stream().allMatch(message::contains)) {
                    return n;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(user + " got no notification with " + List.of(texts) + ": " + body);
    }

    @Test
    void theListFiltersPendingProposalsOnlyForThoseWhoMaySeeThem() throws Exception {
        String id = submitOk(mvc, "grid1", unique("待确认筛选"), "SERVICE", unitId(mvc, "渠道管理班组")).get("id")
                .asString();
        assertThat(ids("admin", "transferProposed=true")).doesNotContain(id);
        act(mvc, "handler1", id, "PROPOSE_TRANSFER", "comment", "筛选测试").andExpect(status().isOk());

        assertThat(ids("admin", "transferProposed=true")).contains(id);
        assertThat(ids("secretary", "transferProposed=true")).as("a leader").contains(id);
        assertThat(ids("handler1", "transferProposed=true")).contains(id);
        assertThat(ids("handler3", "transferProposed=true")).doesNotContain(id);
        // the reporter reads his report, but the filter must not tell him that a transfer was proposed
        assertThat(ids("grid1", "mine=true")).contains(id);
        assertThat(ids("grid1", "mine=true&transferProposed=true")).isEmpty();
        assertThat(ids("bs_market", "transferProposed=true")).isEmpty();

        act(mvc, "admin", id, "REJECT_TRANSFER", "comment", "不予移交").andExpect(status().isOk());
        assertThat(ids("admin", "transferProposed=true")).as("only pending proposals").doesNotContain(id);
    }

    private List<String> ids(String user, String query) throws Exception {
        JsonNode page = Api.json(mvc.perform(Api.as(mvc, user, get("/api/v1/problems?size=100&" + query)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }
}
