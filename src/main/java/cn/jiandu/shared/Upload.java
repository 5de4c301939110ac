package cn.jiandu.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A file a user sent, as the domain sees it: what he called it, the type his client declared (a hint only: the
 * file store checks the content), its size and its bytes. The web layer makes one from a multipart part
 * ({@code shared.web.Uploads.of(part)}); the domain never sees Spring's {@code MultipartFile}.
 *
 * @param filename the client's file name, untrusted (never used as a path)
 * @param declaredType the client's Content-Type, untrusted; may be null
 * @param size bytes
 */
public record Upload(String filename, String declaredType, long size, Content content) {

    /** The bytes, readable more than once. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    public InputStream open() {
        try {
            return content.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** An upload of bytes in memory (demo data, tests). */
    public static Upload ofBytes(String filename, String declaredType, byte[] bytes) {
        return new Upload(filename, declaredType, bytes.length, () -> new java.io.ByteArrayInputStream(bytes));
    }
}
