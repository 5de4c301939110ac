package cn.jiandu.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Security headers on pages, the API and Swagger UI; /actuator/prometheus for ADMIN only, health open. */
@IntegrationTest
class SecurityHeadersTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JianduUserDetailsService users;

    static String directive(String csp, String name) {
        return Arrays.stream(csp.split(";")).map(String::strip).filter(d -> d.startsWith(name + " ")).findFirst()
                .orElse("");
    }

    @Test
    void pagesForbidInlineScriptAndFraming() throws Exception {
        for (MockHttpServletResponse r : new MockHttpServletResponse[] {
                mvc.perform(get("/login")).andReturn().getResponse(),
                mvc.perform(get("/users").with(Pages.as(users, "admin"))).andReturn().getResponse()}) {
            assertThat(r.getStatus()).isEqualTo(200);
            String csp = r.getHeader("Content-Security-Policy");
            assertThat(directive(csp, "script-src")).isEqualTo("script-src 'self'");
            assertThat(directive(csp, "script-src")).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(directive(csp, "frame-ancestors")).isEqualTo("frame-ancestors 'none'");
            assertThat(r.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.getHeader("X-Frame-Options")).isEqualTo("DENY");
            String body = r.getContentAsString();
            assertThat(body).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
            assertThat(body).doesNotContainPattern("\\son[a-z]+=\"");
        }
    }

    @Test
    void theApiAndSwaggerUiHaveTheirOwnPolicies() throws Exception {
        var api = mvc.perform(Api.as(mvc, "admin", get("/api/v1/me"))).andReturn().getResponse();
        assertThat(api.getHeader("Content-Security-Policy")).contains("default-src 'none'")
                .contains("frame-ancestors 'none'");
        assertThat(api.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        var swagger = mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse();
        assertThat(swagger.getStatus()).isEqualTo(200);
        String csp = swagger.getHeader("Content-Security-Policy");
        assertThat(directive(csp, "script-src")).contains("'self'");
        assertThat(csp).contains("frame-ancestors 'none'").isNotEqualTo(
                mvc.perform(get("/login")).andReturn().getResponse().getHeader("Content-Security-Policy"));
        assertThat(swagger.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void prometheusIsForAdminsOnlyAndHealthIsOpen() throws Exception {
        var admin = mvc.perform(Api.as(mvc, "admin", get("/actuator/prometheus"))).andReturn().getResponse();
        assertThat(admin.getStatus()).isEqualTo(200);
        assertThat(admin.getContentAsString()).contains("# HELP").contains("jvm_");
        mvc.perform(Api.as(mvc, "secretary", get("/actuator/prometheus"))).andExpect(status().isForbidden());
        mvc.perform(Api.as(mvc, "handler1", get("/actuator/prometheus"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }
}
