package cn.jiandu.problem;

import static cn.jiandu.problem.ProblemFixtures.submitOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The audit log does not tell the office who reported (probe finding 16): the submission's entry withholds its
 * actor and address on the API and the page, and a search by the reporter's name does not find it. The reveal
 * through the problem itself stays the one audited way to learn the reporter.
 */
@IntegrationTest
class ReporterInAuditLogTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JianduUserDetailsService users;
    @Autowired
    UserDirectory directory;

    @Test
    void theSubmissionIsLoggedWithoutItsReporter() throws Exception {
        String title = "审计不露反映人 " + UUID.randomUUID();
        String id = submitOk(mvc, "grid1", title, "SERVICE", Api.orgUnitId(mvc, "渠道管理班组")).get("id").asString();

        JsonNode page = Api.json(mvc.perform(Api.as(mvc, "admin", get("/api/v1/audit")
                        .param("action", "problem.submit").param("targetType", "problem").param("targetId", id)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.get("items")).hasSize(1);
        JsonNode entry = page.get("items").get(0);
        assertThat(entry.get("actorProtected").asBoolean()).isTrue();
        assertThat(entry.get("actorName").isNull()).as("no reporter name: %s", entry).isTrue();
        assertThat(entry.get("actorId").isNull()).isTrue();
        assertThat(entry.get("address").isNull()).as("no reporter address").isTrue();

        JsonNode byActor = Api.json(mvc.perform(Api.as(mvc, "admin", get("/api/v1/audit")
                        .param("actor", "grid1").param("targetType", "problem").param("targetId", id)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(byActor.get("items")).as("a search by the reporter finds not his report").isEmpty();

        String html = mvc.perform(get("/audit").param("targetType", "problem").param("targetId", id)
                        .with(Pages.as(users, "admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String reporter = directory.findByUsername("grid1").orElseThrow().displayName();
        assertThat(html).contains("受保护的反映人").doesNotContain(reporter).doesNotContain("grid1");
    }
}
