package cn.jiandu.shared.web;

import cn.jiandu.shared.security.CurrentUser;
import cn.jiandu.shared.security.JianduPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * {@code Idempotency-Key} on creating requests (POST), after the IETF httpapi draft: the first request with a key
 * runs and its response is kept for 24 h; the same key with the same body returns that response again (header
 * {@code Idempotent-Replayed: true}) without running anything; the same key with another body is refused with 422; a
 * request arriving while the first with its key still runs waits for it and then gets its response (409 if it does
 * not finish in time). Keys are per signed-in user. Pages send the key as the form field {@code _idempotency} (added
 * by {@code app.js} to every form), the API and htmx as the header. Only successful responses (below 400) are kept:
 * after a refusal or a failure the key may be used again.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String FIELD = "_idempotency";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY = 255;
    private static final int MAX_BUFFERED_BODY = 32 * 1024 * 1024;
    private static final int MAX_KEPT_RESPONSE = 1024 * 1024;

    private final IdempotencyStore store;
    private final IdempotencyProperties props;
    private final MessageSource messages;
    private final LocaleResolver locales;

    IdempotencyFilter(IdempotencyStore store, IdempotencyProperties props, MessageSource messages,
            LocaleResolver locales) {
        this.store = store;
        this.props = props;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<JianduPrincipal> me = CurrentUser.find();
        if (me.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        boolean form = type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
                || type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
        String key = request.getHeader(HEADER);
        if (key == null && form) {
            key = request.getParameter(FIELD);
        }
        if (key == null || key.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        key = key.strip();
        if (key.startsWith("\"") && key.endsWith("\"") && key.length() > 1) {
            key = key.substring(1, key.length() - 1); // the draft's structured-header string form
        }
        if (key.isEmpty() || key.length() > MAX_KEY) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "error.idempotency.badKey");
            return;
        }
        HttpServletRequest body = request;
        String fingerprint;
        if (form) {
            fingerprint = formFingerprint(request);
        } else {
            byte[] bytes = request.getInputStream().readNBytes(MAX_BUFFERED_BODY + 1);
            if (bytes.length > MAX_BUFFERED_BODY) {
                refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge");
                return;
            }
            body = new BufferedBody(request, bytes);
            MessageDigest digest = sha256();
            digest.update(target(request));
            digest.update(bytes);
            fingerprint = HexFormat.of().formatHex(digest.digest());
        }
        long principal = me.get().id();
        long waitUntil = System.nanoTime() + props.waitForFirst().toNanos();
        while (!store.begin(principal, key, fingerprint)) {
            Optional<IdempotencyStore.Stored> found = store.find(principal, key);
            if (found.isEmpty()) {
                continue; // the first one failed and let the key go: run this one
            }
            IdempotencyStore.Stored first = found.get();
            if (store.expired(first) || store.abandoned(first)) {
                store.forget(principal, key, first.createdAt());
                continue;
            }
            if (!first.fingerprint().equals(fingerprint)) {
                refuse(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "error.idempotency.otherRequest");
                return;
            }
            if (first.completed()) {
                replay(first, response);
                return;
            }
            if (System.nanoTime() > waitUntil) {
                response.setHeader("Retry-After", "1");
                refuse(request, response, HttpStatus.CONFLICT, "error.idempotency.inFlight");
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                refuse(request, response, HttpStatus.CONFLICT, "error.idempotency.inFlight");
                return;
            }
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(body, captured);
            int status = captured.getStatus();
            byte[] content = captured.getContentAsByteArray();
            if (status < 400 && content.length <= MAX_KEPT_RESPONSE) {
                store.complete(principal, key, status, captured.getContentType(), captured.getHeader("Location"),
                        content);
                kept = true;
            }
        } finally {
            if (!kept) {
                store.forget(principal, key);
            }
            captured.copyBodyToResponse();
        }
    }

    private void replay(IdempotencyStore.Stored first, HttpServletResponse response) throws IOException {
        response.setStatus(first.status());
        response.setHeader(REPLAYED, "true");
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        if (first.location() != null) {
            response.setHeader("Location", first.location());
        }
        byte[] content = first.body() == null ? new byte[0] : first.body();
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        String detail = messages.getMessage(key, null, key, locales.resolveLocale(request));
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.sendError(status.value(), detail);
            return;
        }
        String title = messages.getMessage("error.http." + status.value(), null, status.getReasonPhrase(),
                locales.resolveLocale(request));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":"
                + status.value() + ",\"detail\":" + json(detail) + ",\"instance\":" + json(request.getRequestURI())
                + "}");
    }

    /** Method, path and query, then the fields and files in a canonical order (boundaries and the key left out). */
    private static String formFingerprint(HttpServletRequest request) throws IOException, ServletException {
        MessageDigest digest = sha256();
        digest.update(target(request));
        Map<String, String[]> fields = new TreeMap<>(request.getParameterMap());
        fields.remove(FIELD);
        fields.remove("_csrf");
        fields.forEach((name, values) -> {
            digest.update(("\u0000f" + name).getBytes(StandardCharsets.UTF_8));
            for (String v : values) {
                digest.update(("\u0000=" + v).getBytes(StandardCharsets.UTF_8));
            }
        });
        MultipartHttpServletRequest mock = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (mock != null) {
            MultiValueMap<String, MultipartFile> files = mock.getMultiFileMap();
            for (Map.Entry<String, List<MultipartFile>> e : new TreeMap<>(files).entrySet()) {
                for (MultipartFile f : e.getValue()) {
                    file(digest, e.getKey(), f.getOriginalFilename(), f.getInputStream());
                }
            }
        } else if (request.getContentType().toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            for (Part part : request.getParts()) {
                if (part.getSubmittedFileName() != null) {
                    file(digest, part.getName(), part.getSubmittedFileName(), part.getInputStream());
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void file(MessageDigest digest, String name, String filename, InputStream in) throws IOException {
        digest.update(("\u0000p" + name + "\u0000" + filename + "\u0000").getBytes(StandardCharsets.UTF_8));
        try (in) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
        }
    }

    private static byte[] target(HttpServletRequest request) {
        String query = request.getQueryString();
        return (request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** The body read once for the fingerprint, offered again to the handler. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] bytes;

        BufferedBody(HttpServletRequest request, byte[] bytes) {
            super(request);
            this.bytes = bytes;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(bytes);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return bytes.length;
        }

        @Override
        public long getContentLengthLong() {
            return bytes.length;
        }
    }
}
