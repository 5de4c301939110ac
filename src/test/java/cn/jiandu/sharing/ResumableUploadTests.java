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
        assertThat(Long.parseLong(r.getResponse().getHeader("Tus-Max-Size"))).isEqualTo(2147483648L);
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
}
