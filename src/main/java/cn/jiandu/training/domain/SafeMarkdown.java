package cn.jiandu.training.domain;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Markdown to HTML that cannot run anything: commonmark escapes raw HTML (it is shown as text) and drops unsafe link
 * targets, then jsoup keeps only a safelist of tags and attributes and only http, https and mailto links (no
 * {@code javascript:}, no event handlers, no {@code style}). Two layers, so a gap in one is closed by the other.
 */
public final class SafeMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeTags("img")
            .removeProtocols("a", "href", "ftp")
            .addAttributes("a", "rel")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private SafeMarkdown() {
    }

    public static String html(String markdown) {
        String raw = RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
        return Jsoup.clean(raw, "", SAFELIST, OUTPUT);
    }

    /** The text without markup, for search and snippets. */
    public static String plain(String markdown) {
        return Jsoup.parse(html(markdown)).text();
    }
}
