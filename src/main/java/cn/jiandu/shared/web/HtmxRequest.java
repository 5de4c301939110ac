package cn.jiandu.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request came from htmx (it sends {@code HX-Request}), so that one handler can serve the whole page or
 * just the fragment that changes. A page handler declares a parameter of this type (resolved by
 * {@link RequestValueResolver}) instead of reading the header by hand; filters and exception handlers, which
 * have no handler arguments, call {@link #of(HttpServletRequest)}.
 *
 * <p>Only the header's presence counts, as before: htmx sends {@code HX-Request: true}, and no caller ever sent
 * another value.
 */
public record HtmxRequest(boolean isHtmx) {

    /** The request header htmx adds to every request it makes. */
    public static final String HEADER = "HX-Request";

    /** The response header that makes htmx fire a client-side event (lists listen to reload themselves). */
    public static final String TRIGGER = "HX-Trigger";

    /** The response header that makes htmx load another page as a whole page. */
    public static final String REDIRECT = "HX-Redirect";

    private static final HtmxRequest HTMX = new HtmxRequest(true);
    private static final HtmxRequest PLAIN = new HtmxRequest(false);

    public static HtmxRequest of(HttpServletRequest request) {
        return request.getHeader(HEADER) != null ? HTMX : PLAIN;
    }

    /** The fragment for htmx, the whole page otherwise: the view name a page handler returns. */
    public String fragmentOrPage(String fragment, String page) {
        return isHtmx ? fragment : page;
    }
}
