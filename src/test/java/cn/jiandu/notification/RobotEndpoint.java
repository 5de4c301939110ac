package cn.jiandu.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for the 企业微信 and 钉钉 robot webhooks: checks the request as the real ones do (POST, JSON
 * {@code {"msgtype":"text","text":{"content":…}}}; for 钉钉 with a secret the timestamp and HmacSHA256 signature)
 * and answers {@code {"errcode":0}}, or {@code status} when told to fail.
 */
final class RobotEndpoint implements AutoCloseable {

    record Received(String path, Map<String, String> query, String content) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<String> refused = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    volatile int status = 200;
    volatile String dingSecret;
    private final HttpServer server;

    RobotEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String problem = check(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestURI().getPath(), query, body);
            int code = status;
            String answer;
            if (code != 200) {
                answer = "{\"errcode\":-1,\"errmsg\":\"system busy\"}";
            } else if (problem != null) {
                refused.add(problem);
                answer = "{\"errcode\":310000,\"errmsg\":\"" + problem + "\"}";
            } else {
                received.add(new Received(exchange.getRequestURI().getPath(), query,
                        JSON.readTree(body).path("text").path("content").asString()));
                answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(code, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private String check(String method, String contentType, String path, Map<String, String> query, String body) {
        if (!"POST".equals(method) || contentType == null || !contentType.startsWith("application/json")) {
            return "not a JSON POST";
        }
        JsonNode json = JSON.readTree(body);
        if (!"text".equals(json.path("msgtype").asString()) || !json.path("text").path("content").isString()) {
            return "not a text message";
        }
        if (path.startsWith("/robot/send") && dingSecret != null) {
            String ts = query.get("timestamp");
            String sign = query.get("sign");
            if (ts == null || sign == null) {
                return "sign missing";
            }
            if (Math.abs(System.currentTimeMillis() - Long.parseLong(ts)) > 3_600_000) {
                return "timestamp too far off";
            }
            if (!sign.equals(expectedSign(ts, dingSecret))) {
                return "sign not match";
            }
        }
        return null;
    }

    /** Computed here independently of the code under test. */
    static String expectedSign(String timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
