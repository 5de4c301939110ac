package cn.jiandu.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Build 6 / finding 19 of issue 15: every error of the API is an RFC 9457 problem detail in the caller's language,
 * also those that never reach a controller — an unknown route, 405, 406, 415, the request firewall's 400. Over real
 * HTTP, since MockMvc does not dispatch to the error page.
 */
@IntegrationTest
class ApiErrorsOverHttpTests {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(HttpRequest.Builder request, String language) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + Api.token(mvc, "admin"))
                .header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static JsonNode problem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode body = Api.json(r.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.has("timestamp")).as("not Spring's default error body").isFalse();
        return body;
    }

    @Test
    void anUnknownRouteIsA404ProblemInTheCallersLanguage() throws Exception {
        JsonNode zh = problem(send(HttpRequest.newBuilder(uri("/api/v1/no-such-thing")), "zh-CN"), 404);
        assertThat(zh.get("title").asString()).isEqualTo("未找到");
        assertThat(zh.get("instance").asString()).isEqualTo("/api/v1/no-such-thing");
        JsonNode en = problem(send(HttpRequest.newBuilder(uri("/api/v1/no-such-thing")), "en"), 404);
        assertThat(en.get("title").asString()).isNotEqualTo("未找到");
        // a browser asking for HTML gets the problem too: the API has no pages
        JsonNode html = problem(send(HttpRequest.newBuilder(uri("/api/v1/no-such-thing")).header("Accept",
                "text/html"), "zh-CN"), 404);
        assertThat(html.get("title").asString()).isEqualTo("未找到");
    }

    @Test
    void methodMediaTypeAndAcceptErrorsAreProblems() throws Exception {
        JsonNode notAllowed = problem(send(HttpRequest.newBuilder(uri("/api/v1/calendar/days"))
                .DELETE(), "zh-CN"), 405);
        assertThat(notAllowed.get("title").asString()).isEqualTo("不支持的请求方法");
        problem(send(HttpRequest.newBuilder(uri("/api/v1/calendar/days/2034-01-07"))
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("x")), "zh-CN"), 415);
        problem(send(HttpRequest.newBuilder(uri("/api/v1/calendar/days")).header("Accept", "application/xml"),
                "zh-CN"), 406);
    }

    @Test
    void theRequestFirewallsRefusalIsAProblem() throws Exception {
        // an encoded "/" and a ";" are refused by Spring Security's firewall before any controller
        problem(send(HttpRequest.newBuilder(uri("/api/v1/calendar/days/..%2F..%2Fetc")), "zh-CN"), 400);
        problem(send(HttpRequest.newBuilder(uri("/api/v1/calendar;jsessionid=x/days")), "zh-CN"), 400);
    }

    @Test
    void pagesKeepTheirHtmlErrorPage() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/no-such-page")).header("Accept", "text/html")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Content-Type").orElse("")).doesNotContain("problem+json");
    }
}
