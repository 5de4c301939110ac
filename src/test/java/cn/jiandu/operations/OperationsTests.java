package cn.jiandu.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Section "Operations": health open to all, Prometheus metrics for ADMIN only, a request id on every response. */
@IntegrationTest
class OperationsTests {

    @Autowired
    MockMvc mvc;

    @Test
    void healthIsOpenToAnyone() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }

    @Test
    void prometheusMetricsOnlyForAdmin() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        for (String user : new String[] {"secretary", "handler1", "inspector1", "team1", "grid1", "staff1"}) {
            mvc.perform(Api.as(mvc, user, get("/actuator/prometheus"))).andExpect(status().isForbidden());
            mvc.perform(Api.as(mvc, user, get("/actuator/metrics"))).andExpect(status().isForbidden());
        }
        mvc.perform(Api.as(mvc, "admin", get("/actuator/prometheus")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("# TYPE jvm_memory_used_bytes gauge")))
                .andExpect(content().string(Matchers.containsString("http_server_requests")));
    }

    @Test
    void everyResponseCarriesARequestId() throws Exception {
        String generated = mvc.perform(get("/login")).andExpect(status().isOk())
                .andReturn().getResponse().getHeader("X-Request-Id");
        assertThat(generated).matches("[0-9a-f-]{36}");
        String other = mvc.perform(get("/actuator/health")).andReturn().getResponse().getHeader("X-Request-Id");
        assertThat(other).isNotBlank().isNotEqualTo(generated);
    }

    @Test
    void aWellFormedIncomingRequestIdIsKeptAndAnythingElseReplaced() throws Exception {
        mvc.perform(get("/actuator/health").header("X-Request-Id", "lb-12345678-abcd"))
                .andExpect(header().string("X-Request-Id", "lb-12345678-abcd"));
        String replaced = mvc.perform(get("/actuator/health").header("X-Request-Id", "bad id\r\ninjected"))
                .andReturn().getResponse().getHeader("X-Request-Id");
        assertThat(replaced).doesNotContain("injected").matches("[0-9a-f-]{36}");
    }
}
