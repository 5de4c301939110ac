package cn.jiandu.files;

import java.util.EnumSet;
import java.util.Set;

/** What a module accepts: a subset of {@link FileKind} and a size limit in bytes. */
public record FilePolicy(Set<FileKind> allowed, long maxBytes) {

    public FilePolicy {
        allowed = Set.copyOf(allowed);
    }

    public static FilePolicy images(long maxBytes) {
        return new FilePolicy(EnumSet.of(FileKind.JPEG, FileKind.PNG, FileKind.GIF, FileKind.WEBP), maxBytes);
    }

    public static FilePolicy documentsAndMedia(long maxBytes) {
        return new FilePolicy(EnumSet.allOf(FileKind.class), maxBytes);
    }
}
