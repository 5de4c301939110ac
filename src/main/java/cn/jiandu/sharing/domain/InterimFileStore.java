package cn.jiandu.sharing.domain;

import cn.jiandu.files.FileKind;
import cn.jiandu.files.FilePolicy;
import cn.jiandu.files.FileStore;
import cn.jiandu.files.StoredBlob;
import cn.jiandu.shared.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;

/**
 * Stand-in for the files module's store until the platform branch lands (then this backs off): local disk, a
 * properties sidecar per blob instead of a row, magic-byte checks for the kinds of {@link FileKind}. Not
 * transactional; do not rely on it in production.
 */
@Configuration(proxyBeanMethods = false)
class InterimFileStore {

    @Bean
    @ConditionalOnMissingBean(FileStore.class)
    FileStore interimDiskFileStore(@Value("${jiandu.data-dir}") String dataDir) {
        return new Disk(Path.of(dataDir, "interim-blobs"));
    }

    static final class Disk implements FileStore {

        private final Path dir;
        private final AtomicLong ids = new AtomicLong(System.currentTimeMillis());

        Disk(Path dir) {
            this.dir = dir;
            try {
                Files.createDirectories(dir.resolve("staging"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public StoredBlob store(InputStream content, FilePolicy policy) {
            Path tmp = newStagingFile();
            try (OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[64 * 1024];
                long total = 0;
                int n;
                while ((n = content.read(buf)) > 0) {
                    total += n;
                    if (total > policy.maxBytes()) {
                        throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge");
                    }
                    out.write(buf, 0, n);
                }
            } catch (IOException e) {
                deleteQuietly(tmp);
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                deleteQuietly(tmp);
                throw e;
            }
            return adopt(tmp, policy);
        }

        @Override
        public StoredBlob adopt(Path staging, FilePolicy policy) {
            try {
                long size = Files.size(staging);
                if (size > policy.maxBytes()) {
                    throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge");
                }
                FileKind kind = detect(staging);
                if (kind == null || !policy.allowed().contains(kind)) {
                    throw ApiException.badRequest("sharing.error.type");
                }
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                try (InputStream in = new DigestInputStream(Files.newInputStream(staging), md)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                long id = ids.incrementAndGet();
                Files.move(staging, dir.resolve(id + ".bin"), StandardCopyOption.ATOMIC_MOVE);
                StoredBlob blob = new StoredBlob(id, HexFormat.of().formatHex(md.digest()), size, kind, mime(kind));
                Properties p = new Properties();
                p.setProperty("sha256", blob.sha256());
                p.setProperty("size", Long.toString(size));
                p.setProperty("kind", kind.name());
                try (OutputStream out = Files.newOutputStream(dir.resolve(id + ".properties"))) {
                    p.store(out, null);
                }
                return blob;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            } finally {
                deleteQuietly(staging);
            }
        }

        @Override
        public Path newStagingFile() {
            try {
                return Files.createTempFile(dir.resolve("staging"), "up-", ".part");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Optional<StoredBlob> find(long blobId) {
            Path meta = dir.resolve(blobId + ".properties");
            if (!Files.exists(meta)) {
                return Optional.empty();
            }
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(meta)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            FileKind kind = FileKind.valueOf(p.getProperty("kind"));
            return Optional.of(new StoredBlob(blobId, p.getProperty("sha256"), Long.parseLong(p.getProperty("size")),
                    kind, mime(kind)));
        }

        @Override
        public Resource open(long blobId) {
            return new FileSystemResource(dir.resolve(blobId + ".bin"));
        }

        @Override
        public void delete(long blobId) {
            deleteQuietly(dir.resolve(blobId + ".bin"));
            deleteQuietly(dir.resolve(blobId + ".properties"));
        }

        private static FileKind detect(Path file) throws IOException {
            byte[] h = new byte[512];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(h, 0, h.length);
            }
            if (n >= 3 && (h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xD8 && (h[2] & 0xff) == 0xFF) {
                return FileKind.JPEG;
            }
            String ascii = new String(h, 0, n, StandardCharsets.ISO_8859_1);
            if (ascii.startsWith("\u0089PNG")) {
                return FileKind.PNG;
            }
            if (ascii.startsWith("GIF8")) {
                return FileKind.GIF;
            }
            if (ascii.startsWith("RIFF") && n >= 12 && ascii.startsWith("WEBP", 8)) {
                return FileKind.WEBP;
            }
            if (ascii.startsWith("%PDF-")) {
                return FileKind.PDF;
            }
            if (ascii.startsWith("PK\u0003\u0004")) {
                return FileKind.OOXML;
            }
            if (ascii.startsWith("\u00D0\u00CF\u0011\u00E0")) {
                return FileKind.LEGACY_OFFICE;
            }
            if (n >= 8 && ascii.startsWith("ftyp", 4)) {
                return FileKind.MP4;
            }
            String text = new String(h, 0, n, StandardCharsets.UTF_8);
            if (n == 0 || text.indexOf('\u0000') >= 0 || text.indexOf('\uFFFD') >= 0 && n < h.length) {
                return null;
            }
            String t = text.stripLeading().toLowerCase(java.util.Locale.ROOT);
            if (t.startsWith("<")) {
                return null; // HTML, SVG, XML: active content, never stored
            }
            return FileKind.TEXT;
        }

        private static String mime(FileKind k) {
            return switch (k) {
                case JPEG -> "image/jpeg";
                case PNG -> "image/png";
                case GIF -> "image/gif";
                case WEBP -> "image/webp";
                case PDF -> "application/pdf";
                case MP4 -> "video/mp4";
                case TEXT -> "text/plain";
                case OOXML -> "application/vnd.openxmlformats-officedocument";
                default -> "application/octet-stream";
            };
        }

        private static void deleteQuietly(Path p) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // best effort
            }
        }
    }
}
