package cn.jiandu.support;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.selection.AppointmentOrigin;
import cn.jiandu.selection.AppointmentStarted;
import cn.jiandu.shared.security.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appoints demo people as supervisors of a test's own, as the selection module would ({@code AppointmentStarted}
 * published in a transaction), and waits until the ledger has them. Appointment ids are fresh per JVM run (a random
 * base, then counted), so two tests never share one.
 */
public final class LedgerSupervisors {

    private static final AtomicLong NEXT = new AtomicLong(600_000_000L
            + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 1_000L);

    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final UserDirectory users;
    private final JdbcClient jdbc;
    private final IncompleteEventPublications incomplete;

    private LedgerSupervisors(ApplicationContext ctx) {
        this.events = ctx;
        this.tx = ctx.getBean(TransactionTemplate.class);
        this.users = ctx.getBean(UserDirectory.class);
        this.jdbc = ctx.getBean(JdbcClient.class);
        this.incomplete = ctx.getBean(IncompleteEventPublications.class);
    }

    public static LedgerSupervisors in(ApplicationContext ctx) {
        return new LedgerSupervisors(ctx);
    }

    /**
     * One appointment each (in the given order) over {@code unitId} for three years from {@code start}, taken into
     * the register ({@code IMPORTED}: no 五个一 checklist is opened).
     */
    public List<Long> appoint(Role type, long unitId, LocalDate start, String... usernames)
            throws InterruptedException {
        return appoint(AppointmentOrigin.IMPORTED, type, unitId, start, usernames);
    }

    /** As {@link #appoint(Role, long, LocalDate, String...)} with the origin given ({@code SELECTED}: a new one). */
    public List<Long> appoint(AppointmentOrigin origin, Role type, long unitId, LocalDate start, String... usernames)
            throws InterruptedException {
        List<Long> ids = new ArrayList<>();
        List<AppointmentStarted> started = new ArrayList<>();
        for (String u : usernames) {
            long id = NEXT.getAndIncrement();
            ids.add(id);
            started.add(new AppointmentStarted(id, userId(u), type, unitId, start, start.plusYears(3), origin));
        }
        tx.executeWithoutResult(s -> started.forEach(events::publishEvent));
        settle();
        return ids;
    }

    /** Waits until the ledger's listeners have handled everything published so far. */
    public void settle() throws InterruptedException {
        Events.settle(jdbc, incomplete, "LedgerListeners");
    }

    public long userId(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }
}
