package cn.jiandu.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * 监督一本通 through the contract: drafts invisible until published, versions kept and readable, what changed,
 * a stale draft refused until rebased, search, the checklist, and Markdown rendered inert on the page itself.
 * The tests run one after another on the one handbook, so each works from whatever version is current.
 */
@IntegrationTest
class HandbookApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JianduUserDetailsService userDetails;

    String tag = UUID.randomUUID().toString().substring(0, 8);

    MockHttpServletResponse call(String who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(Api.as(mvc, who, request)).andReturn().getResponse();
    }

    JsonNode json(String who, MockHttpServletRequestBuilder request) throws Exception {
        var r = call(who, request);
        assertThat(r.getStatus()).as(r.getContentAsString()).isBetween(200, 201);
        return Api.json(r.getContentAsString());
    }

    List<Map<String, Object>> chapters(JsonNode draft) {
        List<Map<String, Object>> out = new ArrayList<>();
        draft.get("chapters").forEach(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", c.get("code").asString());
            m.put("title", c.get("title").asString());
            m.put("markdown", c.get("markdown").asString());
            out.add(m);
        });
        return out;
    }

    MockHttpServletResponse save(String who, String draftId, List<Map<String, Object>> chapters, Integer base)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chapters", chapters);
        if (base != null) {
            body.put("baseVersion", base);
        }
        return call(who, put("/api/v1/handbook/drafts/" + draftId).contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(body)));
    }

    @Test
    void draftsStayInvisibleUntilPublishedAndAStaleDraftMustBeRebased() throws Exception {
        JsonNode published = json("grid1", get("/api/v1/handbook"));
        int v = published.get("version").asInt();
        assertThat(published.get("chapters").findValuesAsString("code")).contains("DUTIES", "CHECKLIST", "LEDGER",
                "LEARNING", "CLUES", "TALKS", "ASSESSMENT", "RESULTS");

        JsonNode a = json("admin", post("/api/v1/handbook/drafts"));
        JsonNode b = json("admin", post("/api/v1/handbook/drafts"));
        assertThat(a.get("baseVersion").asInt()).as("a copy of the published version").isEqualTo(v);
        assertThat(chapters(a)).hasSameSizeAs(published.get("chapters"));
        List<Map<String, Object>> changed = chapters(a);
        changed.get(0).put("markdown", changed.get(0).get("markdown") + "\n\n新增段落 " + tag);
        assertThat(save("grid1", a.get("id").asString(), changed, null).getStatus()).isEqualTo(403);
        assertThat(save("admin", a.get("id").asString(), changed, null).getStatus()).isEqualTo(200);
        assertThat(call("grid1", get("/api/v1/handbook")).getContentAsString()).as("draft invisible")
                .doesNotContain(tag);
        assertThat(call("grid1", get("/api/v1/handbook/drafts/" + a.get("id").asString())).getStatus())
                .isEqualTo(403);

        assertThat(call("grid1", post("/api/v1/handbook/drafts/" + a.get("id").asString() + "/publish"))
                .getStatus()).isEqualTo(403);
        JsonNode next = json("admin", post("/api/v1/handbook/drafts/" + a.get("id").asString() + "/publish"));
        assertThat(next.get("version").asInt()).isEqualTo(v + 1);
        assertThat(json("staff1", get("/api/v1/handbook")).get("chapters").get(0).get("markdown").asString())
                .contains(tag);
        assertThat(json("staff1", get("/api/v1/handbook/versions/" + v)).toString()).as("earlier kept")
                .doesNotContain(tag);
        assertThat(json("staff1", get("/api/v1/handbook/versions")).findValues("version").stream()
                .map(JsonNode::asInt).toList()).contains(v, v + 1);
        JsonNode diff = json("staff1", get("/api/v1/handbook/diff?from=" + v + "&to=" + (v + 1)));
        assertThat(diff.get(0).get("change").asString()).isEqualTo("CHANGED");
        assertThat(diff.get(0).toString()).contains("\"op\":\"ADDED\"", "新增段落 " + tag);
        assertThat(diff.get(1).get("change").asString()).isEqualTo("SAME");

        // b was copied from v: publishing it would undo a's change without anyone noticing
        String bid = b.get("id").asString();
        var stale = call("admin", post("/api/v1/handbook/drafts/" + bid + "/publish"));
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(Api.json(stale.getContentAsString()).get("detail").asString()).contains("第 " + v + " 版");
        assertThat(json("staff1", get("/api/v1/handbook")).get("version").asInt()).isEqualTo(v + 1);
        assertThat(save("admin", bid, chapters(b), v + 7).getStatus()).as("rebase onto a version that is not current")
                .isEqualTo(400);
        List<Map<String, Object>> rebased = chapters(next);
        assertThat(save("admin", bid, rebased, v + 1).getStatus()).isEqualTo(200);
        assertThat(json("admin", post("/api/v1/handbook/drafts/" + bid + "/publish")).get("version").asInt())
                .isEqualTo(v + 2);
        assertThat(call("admin", post("/api/v1/handbook/drafts/" + bid + "/publish")).getStatus())
                .as("published once").isEqualTo(409);
    }

    @Test
    void markdownIsRenderedInertInTheApiAndOnThePage() throws Exception {
        JsonNode d = json("admin", post("/api/v1/handbook/drafts"));
        List<Map<String, Object>> chapters = chapters(d);
        String evil = "安全测试 " + tag + "\n\n<script>alert('x')</script>\n\n[点我](javascript:alert(1))\n\n"
                + "<img src=x onerror=alert(2)>";
        chapters.add(Map.of("code", "SAFETY_" + tag.toUpperCase().replaceAll("[^A-Z0-9]", "X"), "title",
                "安全 " + tag, "markdown", evil));
        assertThat(save("admin", d.get("id").asString(), chapters, null).getStatus()).isEqualTo(200);
        json("admin", post("/api/v1/handbook/drafts/" + d.get("id").asString() + "/publish"));

        JsonNode book = json("grid1", get("/api/v1/handbook"));
        JsonNode mine = null;
        for (JsonNode c : book.get("chapters")) {
            if (c.get("title").asString().equals("安全 " + tag)) {
                mine = c;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("markdown").asString()).isEqualTo(evil);
        assertInert(mine.get("html").asString());

        String page = mvc.perform(get("/handbook").with(Pages.as(userDetails, "grid1"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("安全测试 " + tag).contains("&lt;script&gt;");
        String article = page.substring(page.indexOf("安全测试 " + tag));
        article = article.substring(0, article.indexOf("</article>"));
        assertInert(article);
        assertThat(article).contains("&lt;img src=x onerror=alert(2)&gt;");

        JsonNode hits = json("staff1", get("/api/v1/handbook/search?q=安全测试 " + tag));
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).get("snippet").asString()).contains(tag);
        assertThat(json("staff1", get("/api/v1/handbook/search?q=100%")).size()).as("% is a character").isZero();
    }

    /** No element or attribute that could run: the raw HTML is text, the javascript: link lost its target. */
    static void assertInert(String html) {
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(html);
        assertThat(doc.select("script, img, iframe, object, embed, style")).isEmpty();
        for (org.jsoup.nodes.Element e : doc.getAllElements()) {
            for (org.jsoup.nodes.Attribute a : e.attributes()) {
                assertThat(a.getKey()).doesNotStartWith("on").isNotEqualTo("style");
                assertThat(a.getValue().toLowerCase()).doesNotContain("javascript:");
            }
        }
    }

    @Test
    void theChecklistHoldsItemsPerSupervisorType() throws Exception {
        JsonNode grid = json("grid1", get("/api/v1/handbook/checklist?type=GRID_SUPERVISOR"));
        assertThat(grid.findValuesAsString("type")).isNotEmpty().allMatch("GRID_SUPERVISOR"::equals);
        assertThat(grid.findValuesAsString("item")).contains("营业厅明码标价与资费公示");
        assertThat(grid.findValuesAsString("frequency")).contains("每月");
        JsonNode all = json("grid1", get("/api/v1/handbook/checklist"));
        assertThat(all.findValuesAsString("type")).contains("BRANCH_INSPECTOR", "TEAM_SUPERVISOR");
        assertThat(call("grid1", get("/api/v1/handbook/checklist?type=NOPE")).getStatus()).isEqualTo(400);
    }
}
