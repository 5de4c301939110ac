package cn.jiandu.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Downloads over a real socket to the embedded Tomcat, where the bytes go out with the kernel's sendfile
 * (cn.jiandu.shared.web.SendfileResponses): full and by range, the bytes equal to what was uploaded and the headers
 * those of the streaming path; the cases sendfile leaves to Spring (several ranges, an unsatisfiable range, HEAD, and
 * MockMvc, which has no connector) still answer as before. The {@code jiandu.downloads} counter tells which path
 * served each request.
 */
@IntegrationTest
class DownloadOverHttpTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Every 10-byte line holds its own offset, so a shifted range cannot compare equal by accident. */
    private static byte[] numberedLines(int lines) {
        StringBuilder b = new StringBuilder(lines * 10);
        for (int i = 0; i < lines; i++) {
            b.append(String.format("%09d\n", i * 10));
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private double count(String transfer) {
        return meters.counter("jiandu.downloads", "transfer", transfer).count();
    }

    private HttpResponse<byte[]> fetch(String method, long id, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/files/" + id
                        + "/content"))
                .header("Authorization", "Bearer " + Api.token(mvc, "team2"))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (range != null) {
            b.header("Range", range);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void fullAndRangeDownloadsGoOutWithSendfileAndCarryTheUploadedBytes() throws Exception {
        long folder = Fixtures.folder(mvc, "team1", "TEAM_SUPERVISOR", "TRAINING_COURSES");
        byte[] bytes = numberedLines(300_000); // 3 MB
        String name = Fixtures.unique("讲义", ".txt");
        long id = Fixtures.uploaded(mvc, "team1", folder, name, bytes);

        double sent = count("sendfile");
        HttpResponse<byte[]> full = fetch("GET", id, null);
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.body()).isEqualTo(bytes);
        assertThat(full.headers().firstValue("Content-Length")).hasValue(Integer.toString(bytes.length));
        assertThat(full.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(full.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(full.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(full.headers().firstValue("Cache-Control")).hasValue("no-cache, private");
        assertThat(full.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
                .contains("filename*=UTF-8''" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(full.headers().firstValue("Transfer-Encoding")).isEmpty();

        HttpResponse<byte[]> middle = fetch("GET", id, "bytes=1000003-2000002");
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(bytes, 1_000_003, 2_000_003));
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 1000003-2000002/3000000");
        assertThat(middle.headers().firstValue("Content-Length")).hasValue("1000000");
        assertThat(middle.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");

        HttpResponse<byte[]> tail = fetch("GET", id, "bytes=-70000");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 70_000, bytes.length));
        assertThat(tail.headers().firstValue("Content-Range")).hasValue("bytes 2930000-2999999/3000000");

        HttpResponse<byte[]> open = fetch("GET", id, "bytes=2999990-");
        assertThat(open.statusCode()).isEqualTo(206);
        assertThat(new String(open.body(), StandardCharsets.US_ASCII)).isEqualTo("002999990\n");
        assertThat(count("sendfile") - sent).isGreaterThanOrEqualTo(4);

        // a following request on the same keep-alive connection is still answered correctly after a sendfile
        assertThat(fetch("GET", id, "bytes=0-9").body()).isEqualTo("000000000\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void whatSendfileLeavesToSpringAnswersAsBefore() throws Exception {
        long folder = Fixtures.folder(mvc, "team1", "TEAM_SUPERVISOR", "TRAINING_COURSES");
        byte[] bytes = numberedLines(10_000); // 100 kB
        long id = Fixtures.uploaded(mvc, "team1", folder, Fixtures.unique("讲义", ".txt"), bytes);

        double streamed = count("stream");
        HttpResponse<byte[]> two = fetch("GET", id, "bytes=0-9,20-29");
        assertThat(two.statusCode()).isEqualTo(206);
        assertThat(two.headers().firstValue("Content-Type").orElseThrow()).startsWith("multipart/byteranges");
        assertThat(new String(two.body(), StandardCharsets.US_ASCII)).contains("000000000\n").contains("000000020\n");

        HttpResponse<byte[]> beyond = fetch("GET", id, "bytes=200000-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */100000");

        HttpResponse<byte[]> head = fetch("HEAD", id, null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue("100000");
        assertThat(head.body()).isEmpty();

        MvcResult viaMock = mvc.perform(Api.as(mvc, "team2", get("/api/v1/files/{id}/content", id))).andReturn();
        assertThat(viaMock.getResponse().getContentAsByteArray()).isEqualTo(bytes);
        assertThat(count("stream") - streamed).isGreaterThanOrEqualTo(4);

        long small = Fixtures.uploaded(mvc, "team1", folder, Fixtures.unique("小", ".txt"), numberedLines(100));
        double sent = count("sendfile");
        assertThat(fetch("GET", small, null).body()).isEqualTo(numberedLines(100));
        assertThat(count("sendfile")).isEqualTo(sent);
    }
}
