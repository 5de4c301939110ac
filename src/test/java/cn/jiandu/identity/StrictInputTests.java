package cn.jiandu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.domain.UserRepository;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.shared.security.Role;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Findings 15 and 18 of issue 15: fractional and exponent numbers were accepted for integers, enum ordinals for
 * enums, {@code %} and {@code _} in the user search acted as wildcards, and the CSRF token was accepted in the
 * query string.
 */
@IntegrationTest
class StrictInputTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserRepository users;
    @Autowired
    OrgDirectory units;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void anEnumOrdinalIsRefusedNamingTheField() throws Exception {
        mvc.perform(Api.as(mvc, "admin", put("/api/v1/calendar/days/2035-03-03"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\": 0, \"name\": \"序号\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
    }

    @Test
    void fractionalAndExponentNumbersAreRefusedForIntegers() throws Exception {
        for (String value : new String[] {"1.5", "1e3"}) {
            mvc.perform(Api.as(mvc, "admin", post("/api/v1/dispatch-rules"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\": \"严格数字\", \"handlingUnitId\": \"1\", \"deadlineWorkingDays\": 5,"
                                    + " \"priority\": " + value + ", \"enabled\": true}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("priority"));
        }
    }

    @Test
    void percentAndUnderscoreInTheUserSearchAreLiteral() throws Exception {
        new ThrowawayUsers(users, units, encoder).create("lit_x%y", "百分号测试", Role.EMPLOYEE, false);
        String all = mvc.perform(Api.as(mvc, "admin", get("/api/v1/users").param("q", "%").param("size", "100")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Api.json(all).get("items").size()).as("only names holding a %%").isPositive();
        for (var u : Api.json(all).get("items")) {
            assertThat(u.get("username").asString() + u.get("displayName").asString()).contains("%");
        }
        String underscore = mvc.perform(Api.as(mvc, "admin", get("/api/v1/users").param("q", "l_t")))
                .andReturn().getResponse().getContentAsString();
        assertThat(Api.json(underscore).get("items").size()).as("l_t must not match 'lit_x%y-…' (nor 'lot', 'let'...)").isZero();
    }

    @Test
    void theCsrfTokenIsRefusedInTheQueryString() throws Exception {
        String user = new ThrowawayUsers(users, units, encoder).create("csrf", "令牌测试", Role.EMPLOYEE, false)
                .username();
        BrowserSession browser = new BrowserSession("10.32.0.1");
        browser.login(mvc, user, ThrowawayUsers.PASSWORD);
        String page = browser.send(mvc, get("/account/password")).getResponse().getContentAsString();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("the form carries a token").isTrue();
        String token = m.group(1);
        assertThat(browser.send(mvc, post("/inbox/read-all?_csrf=" + token)).getResponse().getStatus())
                .isEqualTo(403);
        assertThat(browser.send(mvc, post("/inbox/read-all").param("_csrf", token)).getResponse().getStatus())
                .isEqualTo(302);
    }
}
