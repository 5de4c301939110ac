package cn.jiandu.shared.web;

import cn.jiandu.shared.security.JianduPrincipal;

/**
 * How many things wait for the user behind one navigation entry (its {@link #href()}), shown as a badge on that
 * entry's home tile, so that an admin sees a transfer proposal or an extension request without opening every page.
 * Modules declare these as beans next to their {@link NavEntry}; they are asked on the home page only, and only for
 * entries the user sees.
 */
public interface NavAttention {

    /** The {@link NavEntry#href()} this count belongs to. */
    String href();

    /** What waits for {@code me} there (0 when nothing does). */
    long waitingFor(JianduPrincipal me);
}
