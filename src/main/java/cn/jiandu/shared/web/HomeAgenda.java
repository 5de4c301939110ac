package cn.jiandu.shared.web;

import cn.jiandu.shared.security.JianduPrincipal;
import java.time.LocalDate;
import java.util.List;

/**
 * Dated things a user must deliver, listed on his home page with his own state (duty materials: 截止 and 未提交 /
 * 按时 / 逾期), so that what is due is seen without opening the module. Modules declare these as beans.
 */
public interface HomeAgenda {

    List<Item> itemsFor(JianduPrincipal me);

    /**
     * One line: {@code labelKey} with its one argument says what it is, {@code state} is a code (for tests and styling),
     * {@code stateKey} its words, {@code tone} a Bootstrap colour (success, warning, secondary, danger).
     */
    record Item(String labelKey, String labelArg, LocalDate dueOn, String state, String stateKey, String tone,
            String href) {
    }
}
