package cn.jiandu.notification.outbox;

import cn.jiandu.notification.OutboxProperties.ChannelType;
import cn.jiandu.notification.OutboxProperties.Target;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 企业微信 and 钉钉 group robots: both take {@code {"msgtype":"text","text":{"content":…}}} and answer
 * {@code {"errcode":0,…}}; anything else (an HTTP error, a non-zero errcode such as a rate limit) is a failed
 * attempt. A 钉钉 robot with a secret gets the signed URL ({@link DingTalkSignature}).
 */
public class RobotChannel implements Channel {

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public RobotChannel(Duration timeout, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public void send(Target target, String subject, String text) throws Exception {
        String url = target.url();
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("robot target without url");
        }
        if (target.type() == ChannelType.DINGTALK && target.secret() != null && !target.secret().isBlank()) {
            url = DingTalkSignature.sign(url, target.secret(), clock.millis());
        }
        String body = json.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", text)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + head(response.body()));
        }
        JsonNode answer = json.readTree(response.body());
        if (answer.path("errcode").asInt(-1) != 0) {
            throw new IllegalStateException("robot refused: " + head(response.body()));
        }
    }

    private static String head(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
    }
}
