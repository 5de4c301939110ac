package cn.jiandu.files.domain;

import cn.jiandu.files.FileKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Recognises the accepted kinds by their content, never by a name. Containers are opened: a ZIP is OOXML only if it
 * has {@code [Content_Types].xml} and a Word, Excel or PowerPoint part; an OLE2 compound file is an Office document
 * only if it has a Word, Excel or PowerPoint stream (so an MSI installer or an Outlook message, also OLE2, is refused).
 *
 * <p>WPS Office's own formats (.wps, .et, .dps) are written as the same compound files as Word, Excel and PowerPoint
 * 97–2003, with the same streams; nothing in the content reliably tells them apart. They are therefore detected as
 * {@link FileKind#LEGACY_OFFICE}, and a policy allowing either {@code LEGACY_OFFICE} or {@code WPS} accepts them (see
 * {@link LocalDiskFileStore}). Newer WPS files are OOXML and detected as such.
 *
 * <p>TEXT is UTF-8 (optionally with a BOM) without NUL characters whose first non-blank character is not {@code <}:
 * HTML, SVG and XML are refused even where plain text is allowed, so nothing a browser might render as markup gets in.
 */
final class ContentSniffer {

    /** What was recognised: the kind and the MIME type to serve it with. */
    record Detected(FileKind kind, String contentType) {
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final int HEAD = 16;
    private static final Set<String> STILL_IMAGE_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx",
            "hevm", "hevs", "mif1", "msf1", "avif", "avis");

    private ContentSniffer() {
    }

    static Optional<Detected> detect(Path file) throws IOException {
        byte[] head = head(file);
        if (startsWith(head, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return found(FileKind.JPEG, "image/jpeg");
        }
        if (startsWith(head, 0, PNG)) {
            return found(FileKind.PNG, "image/png");
        }
        if (startsWith(head, 0, ascii("GIF87a")) || startsWith(head, 0, ascii("GIF89a"))) {
            return found(FileKind.GIF, "image/gif");
        }
        if (startsWith(head, 0, ascii("RIFF")) && startsWith(head, 8, ascii("WEBP"))) {
            return found(FileKind.WEBP, "image/webp");
        }
        if (startsWith(head, 0, ascii("%PDF-"))) {
            return found(FileKind.PDF, "application/pdf");
        }
        if (startsWith(head, 4, ascii("ftyp"))) {
            // the same ISO box format carries HEIF/AVIF still images, which are not video and not accepted
            String brand = new String(head, 8, Math.min(4, head.length - 8), StandardCharsets.US_ASCII);
            return STILL_IMAGE_BRANDS.contains(brand) ? Optional.empty() : found(FileKind.MP4, "video/mp4");
        }
        if (startsWith(head, 0, ZIP)) {
            return ooxml(file);
        }
        if (startsWith(head, 0, OLE2)) {
            return oleOffice(file);
        }
        return isPlainText(file) ? found(FileKind.TEXT, "text/plain; charset=UTF-8") : Optional.empty();
    }

    private static Optional<Detected> ooxml(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") == null) {
                return Optional.empty();
            }
            if (zip.getEntry("word/document.xml") != null) {
                return found(FileKind.OOXML, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            }
            if (zip.getEntry("xl/workbook.xml") != null) {
                return found(FileKind.OOXML, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }
            if (zip.getEntry("ppt/presentation.xml") != null) {
                return found(FileKind.OOXML,
                        "application/vnd.openxmlformats-officedocument.presentationml.presentation");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Detected> oleOffice(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            Set<String> names = root.getEntryNames();
            if (names.contains("WordDocument")) {
                return found(FileKind.LEGACY_OFFICE, "application/msword");
            }
            if (names.contains("Workbook") || names.contains("Book")) {
                return found(FileKind.LEGACY_OFFICE, "application/vnd.ms-excel");
            }
            if (names.contains("PowerPoint Document")) {
                return found(FileKind.LEGACY_OFFICE, "application/vnd.ms-powerpoint");
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // a damaged or hostile compound file is simply not an accepted document
            return Optional.empty();
        }
    }

    /** Streams the whole file through a strict UTF-8 decoder: a text upload is as large as any other. */
    private static boolean isPlainText(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader in = new InputStreamReader(Files.newInputStream(file), decoder)) {
            char[] buf = new char[8192];
            boolean seenContent = false;
            boolean any = false;
            for (int n; (n = in.read(buf)) > 0; ) {
                any = true;
                for (int i = 0; i < n; i++) {
                    char c = buf[i];
                    if (c == '\0') {
                        return false;
                    }
                    if (!seenContent && !Character.isWhitespace(c) && c != '\uFEFF') {
                        if (c == '<') {
                            return false;
                        }
                        seenContent = true;
                    }
                }
            }
            return any;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        }
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        return data.length >= offset + prefix.length
                && Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static Optional<Detected> found(FileKind kind, String contentType) {
        return Optional.of(new Detected(kind, contentType));
    }
}
