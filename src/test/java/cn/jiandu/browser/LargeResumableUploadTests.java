package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Api;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A 200 MB training video through a Jiandu whose heap is limited to 256 MB, the way a phone on a bad network sends
 * it: the tus upload breaks off midway (the socket is reset after about half the body), the client asks for the
 * offset with HEAD and resumes from there, then downloads the file, and the SHA-256 of what comes back equals the
 * generated one. The server is a separate JVM ({@code java -Xmx256m -XX:+ExitOnOutOfMemoryError}) started from this
 * test run's class path with the demo profile on an H2 file database in a temp directory (its log is kept as
 * {@code target/jiandu-xmx256.log}); its survival proves that
 * upload and download stream with constant memory. The 200 MB are generated on the fly from a seed (an MP4
 * {@code ftyp} box, then pseudo-random bytes), never held in memory here either. No Spring context of its own.
 */
class LargeResumableUploadTests {

    static final long SIZE = 200L * 1024 * 1024;
    static final long BROKEN_AFTER = 97L * 1024 * 1024;
    static final long SEED = 20260409L;
    static final String HEAP = "256m";

    @Test
    void twoHundredMegabytesUploadedResumedOnceAndDownloadedIntactByAJvmWith256MbOfHeap() throws Exception {
        Path dataDir = Files.createTempDirectory("jiandu-xmx256-");
        Path log = dataDir.resolve("jiandu.log");
        int port = freePort();
        Process child = null;
        try {
            long t0 = System.nanoTime();
            child = startJiandu(dataDir, port, log);
            Server server = new Server(port, child, log);
            server.awaitHealthy(Duration.ofSeconds(150));
            long started = System.nanoTime();

            String token = server.token("team1");
            String folderId = server.trainingFolder(token);
            String name = "培训视频-" + Long.toHexString(System.nanoTime()) + ".mp4";
            String expected = HexFormat.of().formatHex(sha256(new Generated(0, SIZE)));

            // tus: create the upload
            HttpResponse<Void> created = server.send(HttpRequest.newBuilder(server.uri("/api/v1/uploads"))
                    .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
                    .header("Upload-Length", Long.toString(SIZE))
                    .header("Upload-Metadata", "filename " + b64(name) + ",folderId " + b64(folderId))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(created.statusCode()).isEqualTo(201);
            String upload = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();

            // a PATCH announcing all 200 MB whose connection is reset after about half of them
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = s.getOutputStream();
                out.write(("PATCH " + upload + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                        + "Authorization: Bearer " + token + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n"
                        + "Content-Type: application/offset+octet-stream\r\nContent-Length: " + SIZE + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                new Generated(0, BROKEN_AFTER).transferTo(out);
                out.flush();
                s.setSoLinger(true, 0); // close with a reset, as a dropped mobile connection does
            }

            // HEAD tells how far it got; nothing is in the folder yet
            long offset = server.settledOffset(token, upload);
            assertThat(offset).as("bytes kept from the broken PATCH").isPositive().isLessThanOrEqualTo(BROKEN_AFTER);
            assertThat(server.entryNamed(token, folderId, name)).as("no half file in the folder").isNull();

            // resume from that offset with the rest
            HttpResponse<Void> resumed = server.send(HttpRequest.newBuilder(server.uri(upload))
                    .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
                    .header("Upload-Offset", Long.toString(offset))
                    .header("Content-Type", "application/offset+octet-stream")
                    .method("PATCH", HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers
                            .ofInputStream(() -> new Generated(offset, SIZE)), SIZE - offset)));
            assertThat(resumed.statusCode()).isEqualTo(204);
            assertThat(resumed.headers().firstValue("Upload-Offset")).hasValue(Long.toString(SIZE));
            String fileId = resumed.headers().firstValue("Jiandu-File-Id").orElseThrow();
            JsonNode entry = server.entryNamed(token, folderId, name);
            assertThat(entry).as("the complete file is in the folder").isNotNull();
            assertThat(entry.get("id").asString()).isEqualTo(fileId);
            assertThat(entry.get("size").asLong()).isEqualTo(SIZE);
            // hashed as the bytes arrived, across the broken PATCH and the resumed one, on the hashing thread
            assertThat(server.json(HttpRequest.newBuilder(server.uri("/api/v1/files/" + fileId))
                    .header("Authorization", "Bearer " + token)).get("sha256").asString()).isEqualTo(expected);
            long uploaded = System.nanoTime();

            // download it, streaming into the digest
            HttpResponse<InputStream> download = server.client.send(HttpRequest.newBuilder(
                            server.uri("/api/v1/files/" + fileId + "/content"))
                    .header("Authorization", "Bearer " + server.token("team2")).timeout(Duration.ofMinutes(3))
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("video/mp4"));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long received = 0;
            try (InputStream in = download.body()) {
                byte[] buf = new byte[256 * 1024];
                for (int n; (n = in.read(buf)) > 0; ) {
                    digest.update(buf, 0, n);
                    received += n;
                }
            }
            long downloaded = System.nanoTime();
            assertThat(received).isEqualTo(SIZE);
            assertThat(HexFormat.of().formatHex(digest.digest())).as("SHA-256 of the download").isEqualTo(expected);

            // the server lived through it within its 256 MB heap
            assertThat(child.isAlive()).as("Jiandu (-Xmx%s) still running; log %s", HEAP, log).isTrue();
            String admin = server.token("admin");
            double maxHeap = server.metric(admin, "jvm.memory.max", "area:heap");
            double usedHeap = server.metric(admin, "jvm.memory.used", "area:heap");
            assertThat(maxHeap).as("heap limit the server runs with").isPositive()
                    .isLessThanOrEqualTo(256.0 * 1024 * 1024);
            assertThat(usedHeap).isLessThanOrEqualTo(maxHeap);
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
            System.out.printf("200 MB via -Xmx%s: start %.1f s, upload (broken at %d, resumed) %.1f s, "
                            + "download %.1f s, heap used now %.0f MB of %.0f MB%n", HEAP, (started - t0) / 1e9,
                    offset, (uploaded - started) / 1e9, (downloaded - uploaded) / 1e9, usedHeap / 1048576,
                    maxHeap / 1048576);
        } finally {
            if (child != null) {
                child.destroy();
                if (!child.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    child.destroyForcibly().waitFor();
                }
            }
            if (Files.exists(log)) {
                Files.createDirectories(Path.of("target"));
                Files.copy(log, Path.of("target", "jiandu-xmx256.log"), StandardCopyOption.REPLACE_EXISTING);
            }
            deleteTree(dataDir);
        }
    }

    /** {@code java -Xmx256m -cp <this run's class path without the test classes> cn.jiandu.JianduApplication}. */
    private static Process startJiandu(Path dataDir, int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the test classes hold test-only configuration (e.g. a Flyway strategy that cleans the schema): leave them out
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.replace('\\', '/').endsWith("/test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(classPath).as("the test run's class path holds the application").contains("classes");
        // C1 only: the C2 compiler threads would compete with startup for the two cores (docs/benchmarks.md); the
        // heap, which is what this test is about, does not depend on it
        return new ProcessBuilder(java, "-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1",
                "-cp", classPath, "cn.jiandu.JianduApplication",
                "--server.port=" + port, "--server.address=127.0.0.1", "--jiandu.data-dir=" + dataDir,
                "--spring.profiles.active=demo", "--logging.level.root=WARN", "--logging.level.cn.jiandu=INFO")
                .directory(dataDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The child Jiandu over real HTTP. */
    static final class Server {

        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        final int port;
        final Process process;
        final Path log;

        Server(int port, Process process, Path log) {
            this.port = port;
            this.process = process;
            this.log = log;
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        HttpResponse<Void> send(HttpRequest.Builder request) throws Exception {
            return client.send(request.timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.discarding());
        }

        JsonNode json(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("%s: %s", r.uri(), r.body()).isBetween(200, 299);
            return Api.json(r.body());
        }

        void awaitHealthy(Duration within) throws Exception {
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as("Jiandu started; its log:%n%s", tail()).isTrue();
                try {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/actuator/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            throw new AssertionError("Jiandu not healthy within " + within + "; its log:\n" + tail());
        }

        String token(String username) throws Exception {
            return json(HttpRequest.newBuilder(uri("/api/v1/auth/token")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Api.write(Map.of("username", username,
                            "password", Api.DEMO_PASSWORD))))).get("token").asString();
        }

        String trainingFolder(String token) throws Exception {
            for (JsonNode s : json(HttpRequest.newBuilder(uri("/api/v1/spaces")).header("Authorization",
                    "Bearer " + token))) {
                if ("TEAM_SUPERVISOR".equals(s.get("roleCode").asString())) {
                    for (JsonNode f : s.get("folders")) {
                        if ("TRAINING_COURSES".equals(f.get("kind").asString())) {
                            return f.get("id").asString();
                        }
                    }
                }
            }
            throw new AssertionError("no 业务培训课 folder in the 班组监督员 space");
        }

        JsonNode entryNamed(String token, String folderId, String name) throws Exception {
            JsonNode page = json(HttpRequest.newBuilder(uri("/api/v1/folders/" + folderId + "/entries?q="
                    + URLEncoder.encode(name, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + token));
            for (JsonNode e : page.get("items")) {
                if (name.equals(e.get("name").asString())) {
                    return e;
                }
            }
            return null;
        }

        /** HEAD until the offset stops moving (the server may still be writing what it had received). */
        long settledOffset(String token, String upload) throws Exception {
            long last = -1;
            for (int i = 0; i < 120; i++) {
                HttpResponse<Void> r = send(HttpRequest.newBuilder(uri(upload)).header("Authorization",
                        "Bearer " + token).header("Tus-Resumable", "1.0.0").method("HEAD",
                        HttpRequest.BodyPublishers.noBody()));
                assertThat(r.statusCode()).isEqualTo(200);
                long now = Long.parseLong(r.headers().firstValue("Upload-Offset").orElseThrow());
                if (now == last && now > 0) {
                    return now;
                }
                last = now;
                Thread.sleep(500);
            }
            throw new AssertionError("upload offset never settled, last " + last);
        }

        double metric(String token, String name, String tag) throws Exception {
            JsonNode m = json(HttpRequest.newBuilder(uri("/actuator/metrics/" + name + "?tag=" + tag))
                    .header("Authorization", "Bearer " + token));
            return m.get("measurements").get(0).get("value").asDouble();
        }

        private String tail() throws IOException {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
    }

    /**
     * Bytes [from, to) of the generated video: an ISO {@code ftyp} box (brand isom, as an MP4 starts), then
     * pseudo-random bytes. Produced block by block from the seed, so any range can be regenerated without the rest.
     */
    static final class Generated extends InputStream {

        static final int BLOCK = 64 * 1024;
        static final byte[] FTYP = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0,
                'i', 's', 'o', 'm', 'm', 'p', '4', '1'};

        private final long to;
        private final byte[] block = new byte[BLOCK];
        private long position;
        private long blockIndex = -1;

        Generated(long from, long to) {
            this.position = from;
            this.to = to;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= to) {
                return -1;
            }
            long index = position / BLOCK;
            if (index != blockIndex) {
                new SplittableRandom(SEED + index * 0x9E3779B97F4A7C15L).nextBytes(block);
                if (index == 0) {
                    System.arraycopy(FTYP, 0, block, 0, FTYP.length);
                }
                blockIndex = index;
            }
            int within = (int) (position % BLOCK);
            int n = (int) Math.min(Math.min(len, BLOCK - within), to - position);
            System.arraycopy(block, within, b, off, n);
            position += n;
            return n;
        }
    }

    private static byte[] sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[256 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
            digest.update(buf, 0, n);
        }
        return digest.digest();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
