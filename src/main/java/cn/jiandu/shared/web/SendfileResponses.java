package cn.jiandu.shared.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourceRegion;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Zero-copy file responses: turns a {@code ResponseEntity<Resource>} whose body is a local file into the same
 * status and headers without a body, and asks Tomcat to send the bytes with the kernel's {@code sendfile} (the request
 * attributes {@code org.apache.tomcat.sendfile.*} that Tomcat's {@code DefaultServlet} uses). The bytes then go from
 * the page cache to the socket without passing through the JVM.
 *
 * <p>Only the cases whose answer is simple are taken over, each with exactly the headers Spring MVC would have sent
 * for the {@code Resource} body: a full GET (200, {@code Accept-Ranges}, {@code Content-Length}) and a GET with one
 * satisfiable byte range (206 with {@code Content-Range}), parsed and resolved by Spring's own {@link HttpRange}.
 * Everything else keeps the streaming path and Spring's semantics unchanged: HEAD, several ranges
 * (multipart/byteranges), unparsable or unsatisfiable ranges (416), small files (below {@link #MIN_BYTES} a copy is
 * as cheap, as in Tomcat's {@code DefaultServlet}), a body that is not a local file, and a connector without sendfile
 * (TLS in Tomcat, MockMvc in tests). Which path served a download is counted in {@code jiandu.downloads} by
 * {@code transfer=sendfile|stream}.
 *
 * <p>Callers do their permission checks, auditing and headers first, exactly as for the streaming path; no filter of
 * this application wraps or buffers the response (a {@code ShallowEtagHeaderFilter} or
 * {@code ContentCachingResponseWrapper} would defeat this: the body never passes through the servlet API).
 */
@Component
public class SendfileResponses {

    /** Boolean.TRUE when the connector serving the request can send files (Tomcat's {@code Globals}). */
    static final String SUPPORT = "org.apache.tomcat.sendfile.support";
    static final String FILENAME = "org.apache.tomcat.sendfile.filename";
    static final String START = "org.apache.tomcat.sendfile.start";
    /** Exclusive. */
    static final String END = "org.apache.tomcat.sendfile.end";
    /** Tomcat's {@code DefaultServlet} default {@code sendfileSize}: below it, copying costs no more. */
    public static final long MIN_BYTES = 48 * 1024;

    private final Counter sent;
    private final Counter streamed;

    public SendfileResponses(MeterRegistry meters) {
        this.sent = Counter.builder("jiandu.downloads").tag("transfer", "sendfile")
                .description("file downloads by how the bytes were sent").register(meters);
        this.streamed = Counter.builder("jiandu.downloads").tag("transfer", "stream")
                .description("file downloads by how the bytes were sent").register(meters);
    }

    /**
     * The response to return from the handler: a body-less one with sendfile arranged, or {@code entity} unchanged
     * (streamed by Spring MVC) when sendfile does not apply.
     */
    public ResponseEntity<?> serve(HttpServletRequest request, ResponseEntity<Resource> entity) {
        ResponseEntity<?> zeroCopy = zeroCopy(request, entity);
        (zeroCopy != null ? sent : streamed).increment();
        return zeroCopy != null ? zeroCopy : entity;
    }

    private static ResponseEntity<Void> zeroCopy(HttpServletRequest request, ResponseEntity<Resource> entity) {
        Resource resource = entity.getBody();
        if (resource == null || entity.getStatusCode().value() != HttpStatus.OK.value()
                || !HttpMethod.GET.matches(request.getMethod())
                || !Boolean.TRUE.equals(request.getAttribute(SUPPORT)) || !resource.isFile()) {
            return null;
        }
        Path file;
        long length;
        try {
            File f = resource.getFile();
            file = f.toPath().toRealPath();
            if (!Files.isRegularFile(file)) {
                return null;
            }
            length = Files.size(file);
        } catch (IOException e) {
            return null; // the streaming path reports it as it always did
        }
        if (length < MIN_BYTES) {
            return null;
        }
        long start = 0;
        long count = length;
        HttpStatus status = HttpStatus.OK;
        String range = request.getHeader(HttpHeaders.RANGE);
        if (range != null) {
            try {
                List<HttpRange> ranges = HttpRange.parseRanges(range);
                if (ranges.size() != 1) {
                    return null;
                }
                ResourceRegion region = ranges.get(0).toResourceRegion(resource);
                start = region.getPosition();
                count = region.getCount();
            } catch (IllegalArgumentException e) {
                return null; // Spring answers 416 with Content-Range: bytes */length
            }
            if (start + count > length || count <= 0) {
                return null;
            }
            status = HttpStatus.PARTIAL_CONTENT;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(entity.getHeaders());
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        headers.setContentLength(count);
        if (status == HttpStatus.PARTIAL_CONTENT) {
            headers.set(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + (start + count - 1) + "/" + length);
        }
        request.setAttribute(FILENAME, file.toString());
        request.setAttribute(START, start);
        request.setAttribute(END, start + count);
        return ResponseEntity.status(status).headers(headers).build();
    }
}
