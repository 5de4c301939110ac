package cn.jiandu.ledger;

import cn.jiandu.shared.security.Role;
import java.time.LocalDate;

/** A supervisor's appointment as the ledger holds it, and his figures for a period. */
public record LedgerEntry(long appointmentId, long userId, Role type, long unitId, LocalDate startsOn,
        LocalDate endsOn, LocalDate endedOn, LedgerFigures figures) {
}
