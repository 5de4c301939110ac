package cn.jiandu.sharing.web;

import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.ApiException;
import cn.jiandu.sharing.domain.ResumableUploads;
import cn.jiandu.sharing.domain.UploadSession;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * tus 1.0 core protocol (plus creation and termination) for files up to 2 GB: POST creates, HEAD tells the offset,
 * PATCH appends at Upload-Offset (409 when it does not match), DELETE abandons. The file appears in its folder only
 * when the last byte has arrived and the file store accepted it; its id is then in {@code Jiandu-File-Id}. Also served
 * at /sharing/uploads for the pages (session and CSRF token instead of a bearer token).
 */
@RestController
@RequestMapping({"/api/v1/uploads", "/sharing/uploads"})
@Tag(name = "sharing")
class UploadApi {

    static final String TUS = "Tus-Resumable";
    static final String VERSION = "1.0.0";
    static final String OFFSET_TYPE = "application/offset+octet-stream";

    private final Callers callers;
    private final ResumableUploads uploads;

    UploadApi(Callers callers, ResumableUploads uploads) {
        this.callers = callers;
        this.uploads = uploads;
    }

    @RequestMapping(method = RequestMethod.OPTIONS)
    ResponseEntity<Void> options() {
        return ResponseEntity.noContent().header(TUS, VERSION).header("Tus-Version", VERSION)
                .header("Tus-Extension", "creation,termination,expiration")
                .header("Tus-Max-Size", Long.toString(uploads.maxSize())).build();
    }

    @RequestMapping(method = RequestMethod.POST)
    ResponseEntity<Void> create(JianduPrincipal me, @RequestHeader(value = TUS, required = false) String tus,
            @RequestHeader(value = "Upload-Length", required = false) String length,
            @RequestHeader(value = "Upload-Metadata", required = false) String metadata) {
        ResponseEntity<Void> refused = checkVersion(tus);
        if (refused != null) {
            return refused;
        }
        Map<String, String> meta = parseMetadata(metadata);
        long len = parseLong("Upload-Length", length);
        long folderId = parseLong("folderId", meta.get("folderId"));
        UploadSession s = uploads.create(callers.of(me), folderId, meta.get("filename"), len);
        String location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(s.id())
                .toUriString();
        return ResponseEntity.status(HttpStatus.CREATED).header(TUS, VERSION).header(HttpHeaders.LOCATION, location)
                .header("Upload-Expires", Json.at(s.expiresAt()).toString()).build();
    }

    @RequestMapping(path = "/{id}", method = RequestMethod.HEAD)
    ResponseEntity<Void> head(JianduPrincipal me, @PathVariable String id) {
        UploadSession s = uploads.find(callers.of(me), id);
        return ResponseEntity.ok().header(TUS, VERSION).header("Upload-Offset", Long.toString(s.offset()))
                .header("Upload-Length", Long.toString(s.length())).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @RequestMapping(path = "/{id}", method = RequestMethod.PATCH)
    ResponseEntity<Void> append(JianduPrincipal me, @PathVariable String id,
            @RequestHeader(value = TUS, required = false) String tus,
            @RequestHeader(value = "Upload-Offset", required = false) String offset,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            HttpServletRequest request) throws IOException {
        ResponseEntity<Void> refused = checkVersion(tus);
        if (refused != null) {
            return refused;
        }
        if (contentType == null || !contentType.toLowerCase().startsWith(OFFSET_TYPE)) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "sharing.error.offsetType");
        }
        var progress = uploads.append(callers.of(me), id, parseLong("Upload-Offset", offset),
                request.getInputStream());
        var response = ResponseEntity.noContent().header(TUS, VERSION)
                .header("Upload-Offset", Long.toString(progress.offset()));
        progress.entry().ifPresent(e -> response.header("Jiandu-File-Id", Long.toString(e.id())));
        return response.build();
    }

    @RequestMapping(path = "/{id}", method = RequestMethod.DELETE)
    ResponseEntity<Void> cancel(JianduPrincipal me, @PathVariable String id) {
        uploads.cancel(callers.of(me), id);
        return ResponseEntity.noContent().header(TUS, VERSION).build();
    }

    private static ResponseEntity<Void> checkVersion(String tus) {
        if (!VERSION.equals(tus)) {
            return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).header("Tus-Version", VERSION).build();
        }
        return null;
    }

    private static long parseLong(String field, String value) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(field, "error.invalidValue");
        }
    }

    /** {@code key base64value,key2 base64value2} → map. */
    static Map<String, String> parseMetadata(String header) {
        Map<String, String> out = new HashMap<>();
        if (header == null || header.isBlank()) {
            return out;
        }
        for (String pair : header.split(",")) {
            String[] kv = pair.strip().split(" ", 2);
            try {
                out.put(kv[0], kv.length < 2 ? "" : new String(Base64.getDecoder().decode(kv[1].strip()),
                        StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("Upload-Metadata", "error.invalidValue");
            }
        }
        return out;
    }
}
