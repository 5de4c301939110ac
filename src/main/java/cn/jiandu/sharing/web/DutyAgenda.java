package cn.jiandu.sharing.web;

import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.HomeAgenda;
import cn.jiandu.sharing.domain.DutyRoster;
import java.util.List;
import org.springframework.stereotype.Component;

/** The supervisor's duty materials on his home page: each period's due date and his own state. */
@Component
class DutyAgenda implements HomeAgenda {

    /** A phone's home page lists at most this many; the rest are a tap away in 共享平台. */
    static final int SHOWN = 8;

    private final DutyRoster roster;

    DutyAgenda(DutyRoster roster) {
        this.roster = roster;
    }

    @Override
    public List<Item> itemsFor(JianduPrincipal me) {
        return roster.mine(me).stream().limit(SHOWN).map(d -> new Item("sharing.duty.agenda", d.code(), d.dueOn(),
                d.status(), "sharing.duty.status." + d.status(), tone(d), "/sharing/duty/" + d.periodId() + "/mine"))
                .toList();
    }

    private static String tone(DutyRoster.OwnDuty d) {
        return switch (d.status()) {
            case "ON_TIME" -> "success";
            case "LATE" -> "warning";
            default -> d.overdue() ? "danger" : "secondary";
        };
    }
}
