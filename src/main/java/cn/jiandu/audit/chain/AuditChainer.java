package cn.jiandu.audit.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Links the entries of every transaction that appended to the audit trail soon after it commits: the transaction
 * announces its entries' ids after commit, and one background thread links whatever has been announced meanwhile
 * in one short transaction ({@link AuditChain#link}); a burst of commits costs one or two runs. Every 30 s a sweep
 * ({@link AuditChain#linkPending()}) links what no writer announced (a node stopped between its commit and the
 * announcement). Several nodes may link at once: the head row's lock serialises them and each links only what is
 * still unlinked, so the sweep needs ShedLock only to spare the others the work.
 */
@Component
public class AuditChainer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);
    private final AuditChain chain;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "audit-chainer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Queue<Long> announced = new ConcurrentLinkedQueue<>();
    private static final int MAX_BATCH = 10_000;

    AuditChainer(AuditChain chain) {
        this.chain = chain;
    }

    /** Called by an append: the entry is linked once its transaction has committed (dropped on a rollback). */
    public void afterCommit(long entryId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            announce(List.of(entryId));
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    announce(List.of(entryId));
                }
            }
        });
    }

    private void announce(List<Long> ids) {
        announced.addAll(ids);
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(this::linkAnnounced);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                queued.set(false);
            }
        }
    }

    private void linkAnnounced() {
        queued.set(false);
        List<Long> batch = new ArrayList<>();
        for (Long id; batch.size() < MAX_BATCH && (id = announced.poll()) != null; ) {
            batch.add(id);
        }
        if (!announced.isEmpty() && queued.compareAndSet(false, true)) {
            worker.execute(this::linkAnnounced);
        }
        try {
            chain.link(batch);
        } catch (RuntimeException e) {
            // the entries stay unlinked; the sweep links them (within the grace period); nothing is lost
            log.warn("linking {} audit entries failed, the sweep retries: {}", batch.size(), e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${jiandu.audit.chain.sweep:PT30S}", initialDelayString = "PT5S")
    @SchedulerLock(name = "audit.chainSweep", lockAtMostFor = "PT5M")
    public void sweep() {
        try {
            chain.linkPending();
        } catch (RuntimeException e) {
            log.warn("the audit chain sweep failed, the next one retries: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        worker.shutdown();
    }
}
