package cn.jiandu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The audit log speaks words: 操作 and 对象 from message keys, failed sign-ins without exception class names. */
@IntegrationTest
class AuditPageWordsTests {

    private static final Pattern ACTION_CELL = Pattern.compile("data-testid=\"audit-action\">([^<]*)<");

    @Autowired
    MockMvc mvc;
    @Autowired
    JianduUserDetailsService users;

    @Test
    void actionsAndObjectsAreWordsInChineseAndEnglish() throws Exception {
        // a sign-in of its own: the test must not depend on another test having signed in before it
        mvc.perform(formLogin().user("grid1").password(Api.DEMO_PASSWORD)).andExpect(status().is3xxRedirection());
        String zh = page("/audit?action=auth.", null);
        Matcher m = ACTION_CELL.matcher(zh);
        int cells = 0;
        while (m.find()) {
            cells++;
            assertThat(m.group(1)).as("an action in words").doesNotContain("auth.", "user.", "problem.");
        }
        assertThat(cells).as("sign-ins are audited").isPositive();
        assertThat(zh).contains(">登录<").doesNotContain("BadCredentialsException")
                .contains("data-label=\"操作\"");
        String en = page("/audit?action=auth.", "en");
        assertThat(en).contains(">Sign-in<");
        String users = page("/audit?targetType=user", null);
        assertThat(users).contains("账号 ");
    }

    private String page(String path, String lang) throws Exception {
        var req = get(path).with(Pages.as(users, "admin"));
        if (lang != null) {
            req.cookie(new jakarta.servlet.http.Cookie("lang", lang));
        }
        return mvc.perform(req).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
