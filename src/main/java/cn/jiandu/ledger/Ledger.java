package cn.jiandu.ledger;

import cn.jiandu.shared.security.Role;
import java.util.List;
import java.util.Optional;

/** The ledger for assessment and the bulletin: who held an appointment in a period, with his figures. */
public interface Ledger {

    /** Every appointment of {@code type} whose term overlaps the period, ordered by appointment id. */
    List<LedgerEntry> entries(Role type, LedgerPeriod period);

    Optional<LedgerEntry> entry(long appointmentId, LedgerPeriod period);
}
