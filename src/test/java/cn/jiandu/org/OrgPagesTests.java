package cn.jiandu.org;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class OrgPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JianduUserDetailsService users;

    @Test
    void fullPageHasLayoutAndHtmxGetsOnlyTheTree() throws Exception {
        mvc.perform(get("/org").with(Pages.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<nav")))
                .andExpect(content().string(containsString("北海分公司")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")));
        mvc.perform(get("/org").header("HX-Request", "true").with(Pages.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"org-tree\"")))
                .andExpect(content().string(not(containsString("<nav"))));
    }

    @Test
    void createsAUnitThroughTheFormAndRefusesWithoutCsrf() throws Exception {
        long parent = 1;
        mvc.perform(post("/org").with(Pages.as(users, "admin")).param("parentId", String.valueOf(parent))
                        .param("name", "页面测试部").param("type", "DEPARTMENT"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/org").with(Pages.as(users, "admin")).with(csrf()).header("HX-Request", "true")
                        .param("parentId", String.valueOf(parent)).param("name", "页面测试部").param("type", "DEPARTMENT"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("页面测试部")));
    }

    @Test
    void nonAdminGets403() throws Exception {
        mvc.perform(get("/org").with(Pages.as(users, "grid1"))).andExpect(status().isForbidden());
    }

    @Test
    void anonymousHtmxRequestIsToldToRedirect() throws Exception {
        mvc.perform(get("/org").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", containsString("/login")));
    }
}
