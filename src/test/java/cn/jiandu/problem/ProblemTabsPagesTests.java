package cn.jiandu.problem;

import static cn.jiandu.problem.ProblemFixtures.act;
import static cn.jiandu.problem.ProblemFixtures.rate;
import static cn.jiandu.problem.ProblemFixtures.submitOk;
import static cn.jiandu.problem.ProblemFixtures.unique;
import static cn.jiandu.problem.ProblemFixtures.unitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** 我的反映 and the handler's queue in tabs with counts; the unit finds what it replied and closed. */
@IntegrationTest
class ProblemTabsPagesTests {

    private static final Pattern TAB = Pattern.compile(
            "data-tab=\"([A-Za-z_]+)\"[^>]*>\\s*<span>[^<]*</span>\\s*<span[^>]*data-testid=\"tab-count\">(\\d+)</span>");

    @Autowired
    MockMvc mvc;
    @Autowired
    JianduUserDetailsService users;

    @Test
    void theHandlerFindsWhatHeRepliedAndClosedUnderItsTabsAndBySearch() throws Exception {
        long unit = unitId(mvc, "渠道管理班组");
        String tag = unique("标签");
        String replied = submitOk(mvc, "grid1", "待评价的 " + tag, "SERVICE", unit).get("id").asString();
        String closed = submitOk(mvc, "grid1", "已办结的 " + tag, "SERVICE", unit).get("id").asString();
        for (String id : new String[] {replied, closed}) {
            act(mvc, "handler1", id, "ACCEPT").andExpect(status().isOk());
            act(mvc, "handler1", id, "REPLY", "comment", "已处理").andExpect(status().isOk());
        }
        rate(mvc, "grid1", closed, "SATISFIED").andExpect(status().isOk());

        String repliedTab = page("/problems/queue?tab=REPLIED&q=" + tag, "handler1");
        assertThat(repliedTab).contains("待评价的 " + tag).doesNotContain("已办结的 " + tag);
        assertThat(counts(repliedTab)).contains("REPLIED=1", "CLOSED=1", "DISPATCHED=0");
        String closedTab = page("/problems/queue?tab=CLOSED&q=" + tag, "handler1");
        assertThat(closedTab).contains("已办结的 " + tag).doesNotContain("待评价的 " + tag);

        String mine = page("/problems/mine?tab=REPLIED", "grid1");
        assertThat(mine).contains("待评价的 " + tag, "data-testid=\"waits-on-you\"").doesNotContain("已办结的 " + tag);
        String mineClosed = page("/problems/mine?tab=CLOSED", "grid1");
        assertThat(mineClosed).contains("已办结的 " + tag).doesNotContain("待评价的 " + tag);
        // the four tabs add up: 全部 = 办理中 + 待评价 + 已办结 (+ 已移交, none for grid1 here)
        java.util.Map<String, Long> c = new java.util.HashMap<>();
        counts(mine).forEach(e -> c.put(e.split("=")[0], Long.parseLong(e.split("=")[1])));
        assertThat(c.keySet()).containsExactlyInAnyOrder("all", "open", "REPLIED", "CLOSED");
        assertThat(c.get("all")).isGreaterThanOrEqualTo(c.get("open") + c.get("REPLIED") + c.get("CLOSED"));
        assertThat(c.get("REPLIED")).isPositive();
    }

    private java.util.List<String> counts(String html) {
        java.util.List<String> out = new java.util.ArrayList<>();
        Matcher m = TAB.matcher(html);
        while (m.find()) {
            out.add(m.group(1) + "=" + m.group(2));
        }
        return out;
    }

    private String page(String path, String user) throws Exception {
        return mvc.perform(get(path).with(Pages.as(users, user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
