package cn.jiandu.files.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes bytes that no committed row points to (an upload whose transaction rolled back, a crash between move and
 * commit, a delete whose after-commit step failed) and abandoned staging files. Only files untouched for the grace
 * period go: the store refreshes a blob's mtime when it moves it into place, so an upload still in flight, whose
 * transaction has not committed yet, is never swept. Idempotent, so several nodes may run it.
 */
@Component
public class BlobSweeper {

    private static final Logger log = LoggerFactory.getLogger(BlobSweeper.class);
    private final JdbcClient jdbc;
    private final FilesProperties props;
    private final Clock clock;

    BlobSweeper(JdbcClient jdbc, FilesProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.props = props;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    @SchedulerLock(name = "files.blobSweep")
    public void scheduledSweep() {
        int removed = sweep();
        if (removed > 0) {
            log.info("blob sweeper removed {} orphan or abandoned files", removed);
        }
    }

    /** Runs one sweep now; returns the number of files removed. */
    public int sweep() {
        Instant cutoff = clock.instant().minus(props.sweepGrace());
        int removed = 0;
        Path root = props.root().toAbsolutePath().normalize();
        for (Path file : oldFiles(root, cutoff)) {
            String key = root.relativize(file).toString().replace('\\', '/');
            boolean hasRow = jdbc.sql("SELECT COUNT(*) FROM blob WHERE storage_key = :key").param("key", key)
                    .query(Long.class).single() > 0;
            if (!hasRow && deleted(file)) {
                removed++;
            }
        }
        for (Path file : oldFiles(props.staging().toAbsolutePath().normalize(), cutoff)) {
            if (deleted(file)) {
                removed++;
            }
        }
        return removed;
    }

    private static List<Path> oldFiles(Path dir, Instant cutoff) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> modifiedBefore(f, cutoff)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean modifiedBefore(Path file, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false; // vanished meanwhile
        }
    }

    private static boolean deleted(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", file, e.toString());
            return false;
        }
    }
}
