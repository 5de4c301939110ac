package cn.jiandu.training.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.shared.security.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The handbook's rendering lets nothing run, and the checklist chapter reads as structured items. */
class SafeMarkdownTests {

    @Test
    void markdownBecomesHtml() {
        String html = SafeMarkdown.html("## 职责\n\n- **愿意监督**\n- [平台](https://example.cn/a)");
        assertThat(html).contains("<h2>职责</h2>", "<strong>愿意监督</strong>",
                "<a href=\"https://example.cn/a\" rel=\"nofollow noopener noreferrer\">平台</a>");
    }

    @Test
    void scriptsRawHtmlAndJavascriptLinksAreInert() {
        // blank lines between, so each line is its own block: links are parsed as links, HTML as HTML blocks
        String evil = String.join("\n\n", "<script>alert(1)</script>", "<img src=x onerror=alert(2)>",
                "[点我](javascript:alert(3))", "[也点我](JaVaScRiPt:alert(4))", "<a href=\"javascript:alert(5)\">raw</a>",
                "<div style=\"background:url(javascript:alert(6))\" onclick=\"alert(7)\">x</div>",
                "![pic](javascript:alert(8))", "行内 <b onmouseover=alert(9)>粗</b> 文字", "[好链接](https://example.cn)");
        String html = SafeMarkdown.html(evil);
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(html);
        assertThat(doc.select("script, img, div, iframe, style, b")).as("no live element from raw HTML").isEmpty();
        for (org.jsoup.nodes.Element e : doc.getAllElements()) {
            for (org.jsoup.nodes.Attribute a : e.attributes()) {
                assertThat(a.getKey()).as("attribute of <" + e.tagName() + ">").doesNotStartWith("on")
                        .isNotEqualTo("style").isNotEqualTo("src");
                assertThat(a.getValue().toLowerCase()).doesNotContain("javascript:");
            }
        }
        assertThat(doc.select("a[href]").eachAttr("href")).containsExactly("https://example.cn");
        // raw HTML is shown as text, not dropped silently
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(doc.text()).contains("点我", "也点我", "粗");
    }

    @Test
    void checklistItemsPerTypeWithFrequency() {
        List<Handbook.ChecklistItem> items = Handbook.parseChecklist("""
                前言，不是条目
                - 也不是：还没有类型
                ## 网格监督员
                - 营业厅明码标价 | 每月
                - 代理商捆绑销售｜每周
                ## 班组监督员
                * 渠道酬金结算
                """);
        assertThat(items).containsExactly(
                new Handbook.ChecklistItem(Role.GRID_SUPERVISOR, "营业厅明码标价", "每月"),
                new Handbook.ChecklistItem(Role.GRID_SUPERVISOR, "代理商捆绑销售", "每周"),
                new Handbook.ChecklistItem(Role.TEAM_SUPERVISOR, "渠道酬金结算", null));
    }

    @Test
    void theDiffMarksAddedAndRemovedLines() {
        List<TextDiff.Line> d = TextDiff.lines("a\nb\nc", "a\nc\nd");
        assertThat(d).containsExactly(new TextDiff.Line(TextDiff.Op.SAME, "a"),
                new TextDiff.Line(TextDiff.Op.REMOVED, "b"), new TextDiff.Line(TextDiff.Op.SAME, "c"),
                new TextDiff.Line(TextDiff.Op.ADDED, "d"));
        assertThat(TextDiff.changed(TextDiff.lines("x", "x"))).isFalse();
    }
}
