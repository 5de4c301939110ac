package cn.jiandu.audit.chain;

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
 * Runs {@link AuditChain#linkPending()} soon after every transaction that appended to the audit trail commits (on
 * one background thread, runs coalesced: a burst of commits costs one or two runs), and every 10 s as a sweep for
 * what a stopped node left unlinked. Several nodes may link at once: the head row's lock serialises them and each
 * links only what is still unlinked, so the sweep needs ShedLock only to spare the others the work.
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

    AuditChainer(AuditChain chain) {
        this.chain = chain;
    }

    /** Called by an append: links its entry once its transaction has committed. */
    public void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    nudge();
                }
            });
        } else {
            nudge();
        }
    }

    void nudge() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    queued.set(false);
                    link();
                });
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                queued.set(false);
            }
        }
    }

    @Scheduled(fixedDelayString = "${jiandu.audit.chain.sweep:PT10S}", initialDelayString = "PT5S")
    @SchedulerLock(name = "audit.chainSweep", lockAtMostFor = "PT5M")
    public void sweep() {
        link();
    }

    private void link() {
        try {
            chain.linkPending();
        } catch (RuntimeException e) {
            // the entries stay unlinked and are linked by the next run; nothing is lost
            log.warn("linking the audit chain failed, the next run retries: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        worker.shutdown();
    }
}
