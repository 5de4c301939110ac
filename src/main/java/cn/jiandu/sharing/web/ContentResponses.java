package cn.jiandu.sharing.web;

import cn.jiandu.sharing.domain.Downloads;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file's bytes as a response: Spring serves HTTP Range for a {@link Resource} body (206 with the requested
 * region, streamed); Content-Disposition per RFC 6266 with the UTF-8 name; inline only for images, PDF and MP4.
 */
final class ContentResponses {

    private ContentResponses() {
    }

    /** Only the first request of a playback is audited; players follow with range requests. */
    static boolean firstRequest(String range) {
        return range == null || range.replace(" ", "").startsWith("bytes=0-");
    }

    static ResponseEntity<Resource> of(Downloads.Content c, boolean inlineWanted) {
        boolean inline = inlineWanted && c.inlineAllowed();
        ContentDisposition cd = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(c.name(), StandardCharsets.UTF_8).build();
        MediaType type = inline ? MediaType.parseMediaType(c.contentType()) : safeAttachmentType(c.contentType());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, cd.toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .contentType(type)
                .body(c.resource());
    }

    private static MediaType safeAttachmentType(String stored) {
        try {
            MediaType t = MediaType.parseMediaType(stored);
            return t.getType().equals("text") ? MediaType.APPLICATION_OCTET_STREAM : t;
        } catch (RuntimeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
