package cn.jiandu.audit.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The directory of exported heads, one file per export ({@code audit-head-<lastId>.json}). Plain files so that they
 * can live on another machine's mount, in a WORM bucket's sync folder or in a backup that the database's
 * administrator cannot rewrite. Pure java.nio: the verification command uses it without Spring.
 */
public final class HeadCheckpoints {

    /** What was read, and the files that could not be read as a checkpoint (reported, never skipped silently). */
    public record Read(List<HeadCheckpoint> checkpoints, List<Path> unreadable) {
    }

    private final Path dir;

    public HeadCheckpoints(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Written to a temporary name and moved into place, so a reader never sees half a file. */
    public Path write(HeadCheckpoint c) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve("audit-head-" + c.lastId() + ".json");
            Path tmp = Files.createTempFile(dir, ".audit-head-", ".tmp");
            Files.writeString(tmp, c.toJson() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit head to " + dir, e);
        }
    }

    public Read read() {
        if (!Files.isDirectory(dir)) {
            return new Read(List.of(), List.of());
        }
        List<HeadCheckpoint> found = new ArrayList<>();
        List<Path> unreadable = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("audit-head-.*\\.json")).sorted()
                    .toList()) {
                HeadCheckpoint.parse(Files.readString(f, StandardCharsets.UTF_8))
                        .ifPresentOrElse(found::add, () -> unreadable.add(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit heads in " + dir, e);
        }
        found.sort(Comparator.comparingLong(HeadCheckpoint::lastId));
        return new Read(List.copyOf(found), List.copyOf(unreadable));
    }
}
