package cn.jiandu.audit.chain;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports the chain's head once a day (00:10 Beijing time, and on demand): a file in {@code dir} and, when
 * configured, a POST to the webhook. The head is read without the head lock: it is a committed state of the chain,
 * so an append running meanwhile is simply in the next export.
 */
@Component
public class HeadExport {

    private static final Logger log = LoggerFactory.getLogger(HeadExport.class);
    private final JdbcClient jdbc;
    private final Clock clock;
    private final HeadCheckpoints files;
    private final URI webhook;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    HeadExport(JdbcClient jdbc, Clock clock, AuditHeadProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.files = new HeadCheckpoints(properties.dir());
        this.webhook = properties.webhook();
    }

    public HeadCheckpoints checkpoints() {
        return files;
    }

    @Scheduled(cron = "${jiandu.audit.head-export.cron:0 10 0 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "audit.exportHead", lockAtMostFor = "PT10M")
    public void daily() {
        try {
            export();
        } catch (RuntimeException e) {
            log.error("audit head export failed; the chain itself is unaffected, the next run tries again", e);
        }
    }

    /** Writes the current head (empty when nothing is chained yet) and sends it to the webhook. */
    @Transactional(readOnly = true)
    public Optional<HeadCheckpoint> export() {
        Optional<HeadCheckpoint> current = current();
        current.ifPresent(checkpoint -> {
            Path file = files.write(checkpoint);
            log.info("audit head exported to {}: entry {}, {} entries", file, checkpoint.lastId(),
                    checkpoint.entries());
            if (webhook != null) {
                post(checkpoint);
            }
        });
        return current;
    }

    /** The chain's head as committed now (as this transaction sees it); empty when nothing is chained yet. */
    @Transactional(readOnly = true)
    public Optional<HeadCheckpoint> current() {
        var head = jdbc.sql("SELECT last_id, head_hash, last_seq FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> new Object[] {rs.getObject("last_id", Long.class), rs.getString("head_hash"),
                        rs.getLong("last_seq")})
                .single();
        if (head[0] == null) {
            return Optional.empty();
        }
        long lastId = (Long) head[0];
        long entries = (Long) head[2];
        return Optional.of(new HeadCheckpoint(lastId, (String) head[1], entries, clock.instant()));
    }

    private void post(HeadCheckpoint checkpoint) {
        var request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(checkpoint.toJson())).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                log.warn("audit head webhook {} answered {}; the file export stands", webhook, status);
            }
        } catch (java.io.IOException e) {
            log.warn("audit head webhook {} unreachable ({}); the file export stands", webhook, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
