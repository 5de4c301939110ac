package cn.jiandu.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** tus 1.0: create, append, an interrupted PATCH over a real socket, HEAD for the offset, resume, complete. */
@IntegrationTest
class ResumableUploadTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    cn.jiandu.sharing.domain.ResumableUploads uploads;
    @LocalServerPort
    int port;

    private MvcResult call(String user, MockHttpServletRequestBuilder b) throws Exception {
        return mvc.perform(Api.as(mvc, user, b)).andReturn();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private long entriesNamed(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM sharing_entry WHERE name = :n").param("n", name).query(Long.class)
                .single();
    }

    private String create(String user, long folder, String name, long length) throws Exception {
        MvcResult r = call(user, post("/api/v1/uploads").header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", length)
                .header("Upload-Metadata", "filename " + b64(name) + ",folderId " + b64(Long.toString(folder))));
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        return URI.create(r.getResponse().getHeader("Location")).getPath();
    }

    private long offset(String user, String path) throws Exception {
        MvcResult r = call(user, head(path).header("Tus-Resumable", "1.0.0"));
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        return Long.parseLong(r.getResponse().getHeader("Upload-Offset"));
    }

    private MvcResult append(String user, String path, long offset, byte[] body) throws Exception {
        return call(user, patch(path).header("Tus-Resumable", "1.0.0").header("Upload-Offset", offset)
                .contentType("application/offset+octet-stream").content(body));
    }

    @Test
    void optionsAdvertiseTheProtocol() throws Exception {
        MvcResult r = call("team1", options("/api/v1/uploads"));
        assertThat(r.getResponse().getStatus()).isEqualTo(204);
        assertThat(r.getResponse().getHeader("Tus-Version")).isEqualTo("1.0.0");
        assertThat(r.getResponse().getHeader("Tus-Extension")).contains("creation");
        // the file store's ceiling (1 GB in the tests) is below the module's 2 GB: the lower one is announced
        assertThat(Long.parseLong(r.getResponse().getHeader("Tus-Max-Size"))).isEqualTo(1073741824L);
    }

    @Test
    void resumesAfterAnInterruptionAndShowsTheFileOnlyAfterTheLastByte() throws Exception {
        long folder = Fixtures.folder(mvc, "team1", "TEAM_SUPERVISOR", "TRAINING_COURSES");
        String name = Fixtures.unique("培训视频", ".txt");
        byte[] bytes = Fixtures.text(300_000);
        String path = create("team1", folder, name, bytes.length);
        assertThat(offset("team1", path)).isZero();

        MvcResult first = append("team1", path, 0, Arrays.copyOfRange(bytes, 0, 100_000));
        assertThat(first.getResponse().getStatus()).isEqualTo(204);
        assertThat(first.getResponse().getHeader("Upload-Offset")).isEqualTo("100000");
        assertThat(entriesNamed(name)).isZero();

        // a PATCH whose connection breaks after 50,000 of the announced 200,000 bytes
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            String head = "PATCH " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + Api.token(mvc, "team1") + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 100000\r\n"
                    + "Content-Type: application/offset+octet-stream\r\nContent-Length: 200000\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 100_000, 50_000);
            out.flush();
            Thread.sleep(300);
        }
        long resumed = 0;
        for (int i = 0; i < 50 && resumed != 150_000; i++) {
            Thread.sleep(100);
            resumed = offset("team1", path);
        }
        assertThat(resumed).isEqualTo(150_000);
        assertThat(entriesNamed(name)).isZero();

        assertThat(append("team1", path, 100_000, new byte[10]).getResponse().getStatus()).isEqualTo(409);
        assertThat(call("team2", head(path).header("Tus-Resumable", "1.0.0")).getResponse().getStatus())
                .isEqualTo(404);

        MvcResult last = append("team1", path, resumed, Arrays.copyOfRange(bytes, (int) resumed, bytes.length));
        assertThat(last.getResponse().getStatus()).isEqualTo(204);
        assertThat(last.getResponse().getHeader("Upload-Offset")).isEqualTo("300000");
        String fileId = last.getResponse().getHeader("Jiandu-File-Id");
        assertThat(entriesNamed(name)).isEqualTo(1);
        assertThat(call("team2", get("/api/v1/files/{id}/content", fileId)).getResponse().getContentAsByteArray())
                .isEqualTo(bytes);
        assertThat(call("team1", head(path).header("Tus-Resumable", "1.0.0")).getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void expiredUploadsAreCleanedWithTheirStagingFiles() throws Exception {
        long folder = Fixtures.folder(mvc, "team1", "TEAM_SUPERVISOR", "TRAINING_COURSES");
        String path = create("team1", folder, Fixtures.unique("expired", ".txt"), 100);
        assertThat(append("team1", path, 0, Fixtures.text(40)).getResponse().getStatus()).isEqualTo(204);
        String id = path.substring(path.lastIndexOf('/') + 1);
        java.nio.file.Path staging = java.nio.file.Path.of(jdbc.sql("SELECT staging_path FROM sharing_upload WHERE id = :id")
                .param("id", id).query(String.class).single());
        assertThat(java.nio.file.Files.size(staging)).isEqualTo(40);
        jdbc.sql("UPDATE sharing_upload SET expires_at = :t WHERE id = :id")
                .param("t", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60))).param("id", id).update();
        assertThat(call("team1", head(path).header("Tus-Resumable", "1.0.0")).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(uploads.cleanExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sharing_upload WHERE id = :id").param("id", id).query(Long.class)
                .single()).isZero();
        assertThat(java.nio.file.Files.exists(staging)).isFalse();
    }

    @Test
    void refusesWhatTheProtocolAndTheRulesRefuse() throws Exception {
        long folder = Fixtures.folder(mvc, "team1", "TEAM_SUPERVISOR", "TRAINING_COURSES");
        assertThat(call("team1", post("/api/v1/uploads").header("Upload-Length", 10)).getResponse().getStatus())
                .isEqualTo(412);
        MvcResult tooBig = call("team1", post("/api/v1/uploads").header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", 3L * 1024 * 1024 * 1024)
                .header("Upload-Metadata", "filename " + b64("big.mp4") + ",folderId " + b64(Long.toString(folder))));
        assertThat(tooBig.getResponse().getStatus()).isEqualTo(413);
        MvcResult outsider = call("grid1", post("/api/v1/uploads").header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", 10)
                .header("Upload-Metadata", "filename " + b64("x.txt") + ",folderId " + b64(Long.toString(folder))));
        assertThat(outsider.getResponse().getStatus()).isEqualTo(404);
        MvcResult badName = call("team1", post("/api/v1/uploads").header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", 10)
                .header("Upload-Metadata", "filename " + b64("../x.txt") + ",folderId " + b64(Long.toString(folder))));
        assertThat(badName.getResponse().getStatus()).isEqualTo(400);

        String path = create("team1", folder, Fixtures.unique("t", ".txt"), 10);
        MvcResult wrongType = call("team1", patch(path).header("Tus-Resumable", "1.0.0").header("Upload-Offset", 0)
                .contentType("application/octet-stream").content(new byte[10]));
        assertThat(wrongType.getResponse().getStatus()).isEqualTo(415);
        assertThat(offset("team1", path)).isZero();
    }

    /** The finished file's recorded SHA-256 (computed while receiving) and its bytes, read by another member. */
    private void assertHoldsExactly(String fileId, byte[] bytes) throws Exception {
        assertThat(storedSha(fileId)).isEqualTo(sha256Hex(bytes));
        assertThat(call("team2", get("/api/v1/files/{id}/content", fileId)).getResponse().getContentAsByteArray())
                .isEqualTo(bytes);
    }

    private String sha256Hex(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private String storedSha(String fileId) {
        return jdbc.sql("SELECT sha256 FROM sharing_entry WHERE id = :id").param("id", Long.parseLong(fileId))
                .query(String.class).single().trim();
    }

    private static String idOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private java.nio.file.Path staging(String path) {
        return java.nio.file.Path.of(jdbc.sql("SELECT staging_path FROM sharing_upload WHERE id = :id")
                .param("id", idOf(path)).query(String.class).single());
    }

    /** Random bytes behind a short text head would not pass as text: the file is all text, varied per position. */
    private static byte[] varied(int size) {
        byte[] b = new byte[size];
        java.util.SplittableRandom r = new java.util.SplittableRandom(size);
        for (int i = 0; i < size; i++) {
            b[i] = (byte) ('a' + r.nextInt(26));
        }
        return b;
    }

    @Test
    void theHashIsKeptAcrossChunksSoTheCompletedFileCarriesTheSha256OfAllItsBytes() throws Exception {
        long folder = Fixtures.folder(mvc, "team1", "TEAM_SUPERVISOR", "TRAINING_COURSES");
        byte[] bytes = varied(250_000);
        String path = create("team1", folder, Fixtures.unique("分块", ".txt"), bytes.length);
        assertThat(append("team1", path, 0, Arrays.copyOfRange(bytes, 0, 70_000)).getResponse().getStatus())
                .isEqualTo(204);
        assertThat(append("team1", path, 70_000, Arrays.copyOfRange(bytes, 70_000, 180_001)).getResponse()
                .getStatus()).isEqualTo(204);
        MvcResult last = append("team1", path, 180_001, Arrays.copyOfRange(bytes, 180_001, bytes.length));
        String fileId = last.getResponse().getHeader("Jiandu-File-Id");
        assertThat(fileId).isNotNull();
        assertHoldsExactly(fileId, bytes);
    }

    @Test
    void theHashCatchesUpOverChunksAnotherNodeReceivedAndIsRebuiltAfterARestart() throws Exception {
        long folder = Fixtures.folder(mvc, "team1", "TEAM_SUPERVISOR", "TRAINING_COURSES");
        byte[] bytes = varied(150_000);
        String path = create("team1", folder, Fixtures.unique("多节点", ".txt"), bytes.length);
        append("team1", path, 0, Arrays.copyOfRange(bytes, 0, 30_000));
        // another node (same file store) received the next 30,000 bytes and saved the offset
        java.nio.file.Files.write(staging(path), Arrays.copyOfRange(bytes, 30_000, 60_000),
                java.nio.file.StandardOpenOption.APPEND);
        jdbc.sql("UPDATE sharing_upload SET upload_offset = 60000 WHERE id = :id").param("id", idOf(path)).update();
        assertThat(append("team1", path, 60_000, Arrays.copyOfRange(bytes, 60_000, 100_000)).getResponse()
                .getStatus()).isEqualTo(204);
        uploads.forgetHashStates(); // a restart
        MvcResult last = append("team1", path, 100_000, Arrays.copyOfRange(bytes, 100_000, bytes.length));
        assertThat(storedSha(last.getResponse().getHeader("Jiandu-File-Id"))).isEqualTo(sha256Hex(bytes));
    }

    @Test
    void aResumeAfterACrashMidChunkCutsTheUnsavedBytesAndTakesOverTheDeadRequestsLease() throws Exception {
        long folder = Fixtures.folder(mvc, "team1", "TEAM_SUPERVISOR", "TRAINING_COURSES");
        byte[] bytes = varied(120_000);
        String name = Fixtures.unique("崩溃", ".txt");
        String path = create("team1", folder, name, bytes.length);
        assertThat(append("team1", path, 0, Arrays.copyOfRange(bytes, 0, 50_000)).getResponse().getStatus())
                .isEqualTo(204);
        // the node died while a PATCH was writing: 100,000 bytes (other ones, reaching past the upload's length) on
        // disk beyond the saved offset, and the dead request's lease still in the row
        java.nio.file.Files.write(staging(path), varied(100_000), java.nio.file.StandardOpenOption.APPEND);
        jdbc.sql("UPDATE sharing_upload SET writer = 'dead', writer_seen_at = :t WHERE id = :id")
                .param("t", java.sql.Timestamp.from(java.time.Instant.now())).param("id", idOf(path)).update();
        uploads.forgetHashStates();
        MvcResult busy = append("team1", path, 50_000, Arrays.copyOfRange(bytes, 50_000, bytes.length));
        assertThat(busy.getResponse().getStatus()).isEqualTo(423);
        assertThat(offset("team1", path)).isEqualTo(50_000);

        jdbc.sql("UPDATE sharing_upload SET writer_seen_at = :t WHERE id = :id")
                .param("t", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(600))).param("id", idOf(path))
                .update();
        MvcResult last = append("team1", path, 50_000, Arrays.copyOfRange(bytes, 50_000, bytes.length));
        assertThat(last.getResponse().getStatus()).isEqualTo(204);
        String fileId = last.getResponse().getHeader("Jiandu-File-Id");
        assertHoldsExactly(fileId, bytes);
    }

    @Test
    void aSecondPatchWhileTheFirstIsStillWritingIsRefusedAndTheBytesDoNotInterleave() throws Exception {
        long folder = Fixtures.folder(mvc, "team1", "TEAM_SUPERVISOR", "TRAINING_COURSES");
        byte[] bytes = varied(200_000);
        String name = Fixtures.unique("并发", ".txt");
        String path = create("team1", folder, name, bytes.length);
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            String head = "PATCH " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + Api.token(mvc, "team1") + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n"
                    + "Content-Type: application/offset+octet-stream\r\nContent-Length: 200000\r\n"
                    + "Connection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, 80_000);
            out.flush();
            // wait until the first PATCH holds the upload
            String writer = null;
            for (int i = 0; i < 100 && writer == null; i++) {
                Thread.sleep(50);
                writer = jdbc.sql("SELECT writer FROM sharing_upload WHERE id = :id").param("id", idOf(path))
                        .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
            }
            assertThat(writer).isNotNull();

            // a second PATCH at the same offset with other bytes: refused, nothing of it written
            MvcResult second = append("team1", path, 0, varied(200_000 - 7));
            assertThat(second.getResponse().getStatus()).isEqualTo(423);
            assertThat(second.getResponse().getContentType()).startsWith("application/problem+json");
            assertThat(Fixtures.json(second).get("detail").asString()).isEqualTo("该文件正在由另一个请求上传，请稍后重试");

            out.write(bytes, 80_000, 120_000);
            out.flush();
            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 204");
        }
        String fileId = jdbc.sql("SELECT CAST(id AS VARCHAR(20)) FROM sharing_entry WHERE name = :n").param("n", name)
                .query(String.class).single();
        assertHoldsExactly(fileId, bytes);
    }

    @Test
    void creationRefusesALengthAboveTheEffectiveLimitBeforeAnyByteInTheCallersLanguage() throws Exception {
        long folder = Fixtures.folder(mvc, "team1", "TEAM_SUPERVISOR", "TRAINING_COURSES");
        long limit = uploads.maxSize();
        assertThat(limit).isEqualTo(1073741824L);
        String name = Fixtures.unique("超限", ".mp4");
        for (String[] lang : new String[][] {{"zh-CN", "文件超过大小上限（最大 1,024 MB）"},
                {"en", "The file exceeds the size limit (1,024 MB at most)"}}) {
            MvcResult r = call("team1", post("/api/v1/uploads").header("Tus-Resumable", "1.0.0")
                    .header("Accept-Language", lang[0]).header("Upload-Length", limit + 1)
                    .header("Upload-Metadata", "filename " + b64(name) + ",folderId " + b64(Long.toString(folder))));
            assertThat(r.getResponse().getStatus()).isEqualTo(413);
            assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
            assertThat(Fixtures.json(r).get("detail").asString()).isEqualTo(lang[1]);
            assertThat(r.getResponse().getHeader("Location")).isNull();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sharing_upload WHERE name = :n").param("n", name)
                .query(Long.class).single()).isZero();
        // exactly the limit is accepted
        String path = create("team1", folder, name, limit);
        assertThat(call("team1", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(path)
                .header("Tus-Resumable", "1.0.0")).getResponse().getStatus()).isEqualTo(204);
    }
}
