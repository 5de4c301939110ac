package cn.jiandu.shared.web;

import cn.jiandu.shared.security.JianduPrincipal;
import java.util.function.Predicate;

/**
 * A module's entry in the navigation and on the home page. Modules declare these as beans; the layout shows those
 * whose {@code visibleTo} accepts the signed-in user. Showing an entry is a courtesy; the server still checks.
 *
 * @param order position (lower first)
 * @param labelKey message key of the label
 * @param href target path
 * @param icon a short emoji shown on the home tiles
 */
public record NavEntry(int order, String labelKey, String href, String icon, Predicate<JianduPrincipal> visibleTo) {
}
