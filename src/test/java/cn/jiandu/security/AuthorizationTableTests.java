package cn.jiandu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint × every demo role, expected status asserted. The endpoints come from the application's own
 * route table, so a new endpoint without a row in {@code src/test/resources/authz/*.csv} fails this test (and so
 * does a row whose endpoint is gone).
 *
 * <p>Row format (one CSV per module; {@code #} starts a comment):
 * {@code method,path,anonymous,admin,secretary,handler1,inspector1,team1,grid1,staff1,body}. The path is the route
 * pattern with a sample value after each variable ({@code /api/v1/org-units/{id}=999999}). The body (the rest of the
 * line, so it may contain commas) is JSON sent as {@code application/json}, or empty; {@code @fresh-token} instead
 * sends no body and uses a newly issued token for each role (for calls that revoke the caller's token);
 * {@code @multipart:part=text} sends a multipart request with one file part of that name holding that text
 * ({@code @multipart:part:json=text} sends it as {@code application/json}, for a JSON part beside the files). Keep
 * statuses deterministic and data unchanged: e.g. an admin gets a deliberately invalid body (400) or an unknown id
 * (404), which proves the call got past authorization without changing anything.
 */
@IntegrationTest
class AuthorizationTableTests {

    static final List<String> ROLES = List.of("anonymous", "admin", "secretary", "handler1", "inspector1", "team1",
            "grid1", "staff1");
    static final String HEADER = "method,path," + String.join(",", ROLES) + ",body";
    static final String FRESH_TOKEN = "@fresh-token";
    static final String MULTIPART = "@multipart:";
    private static final Pattern SAMPLE = Pattern.compile("\\{([^}]+)}=([^/]*)");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    record Row(String file, int line, String method, String pattern, String uri, List<Integer> expected,
            String body) {

        String key() {
            return method + " " + pattern;
        }
    }

    @Test
    void everyApiEndpointHasExactlyOneRowAndEveryRowAnEndpoint() throws IOException {
        Set<String> endpoints = apiEndpoints();
        assertThat(endpoints).as("API endpoints in the route table").isNotEmpty();
        Map<String, Row> rows = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (Row row : rows()) {
            if (rows.putIfAbsent(row.key(), row) != null) {
                duplicates.add(row.file() + ":" + row.line() + " " + row.key());
            }
        }
        TreeSet<String> missing = new TreeSet<>(endpoints);
        missing.removeAll(rows.keySet());
        TreeSet<String> stale = new TreeSet<>(rows.keySet());
        stale.removeAll(endpoints);

        StringBuilder message = new StringBuilder();
        if (!missing.isEmpty()) {
            message.append("API endpoints without a row in src/test/resources/authz/<module>.csv — add (fill in a "
                    + "sample for each {variable} and the expected status per role):\n").append(HEADER).append('\n');
            missing.forEach(k -> message.append(k.replace(' ', ',')).append(",?,?,?,?,?,?,?,?,\n"));
        }
        if (!stale.isEmpty()) {
            message.append("rows without an endpoint (remove or fix them): ").append(stale).append('\n');
        }
        if (!duplicates.isEmpty()) {
            message.append("duplicate rows: ").append(duplicates).append('\n');
        }
        assertThat(message.toString()).as("authorization table vs route table").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyRoleGetsTheExpectedStatus() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).as("rows in authz/*.csv").isNotEmpty();
        return rows.stream().map(row -> DynamicTest.dynamicTest(row.method() + " " + row.uri(), () -> check(row)));
    }

    private void check(Row row) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < ROLES.size(); i++) {
            String role = ROLES.get(i);
            AbstractMockHttpServletRequestBuilder<?> request = requestFor(row);
            if (!role.equals("anonymous")) {
                String token = FRESH_TOKEN.equals(row.body()) ? Api.issue(mvc, role, Api.DEMO_PASSWORD)
                        : Api.token(mvc, role);
                request.header("Authorization", "Bearer " + token);
            }
            if (!row.body().isEmpty() && !row.body().startsWith("@")) {
                request.contentType(MediaType.APPLICATION_JSON).content(row.body());
            }
            var response = mvc.perform(request).andReturn().getResponse();
            int status = response.getStatus();
            if (status != row.expected().get(i)) {
                String body = response.getContentAsString(StandardCharsets.UTF_8);
                wrong.add(role + ": expected " + row.expected().get(i) + " but got " + status
                        + (body.isEmpty() ? "" : " " + body.substring(0, Math.min(body.length(), 200))));
            }
        }
        assertThat(wrong).as(row.file() + ":" + row.line() + " " + row.method() + " " + row.uri()).isEmpty();
    }

    private static AbstractMockHttpServletRequestBuilder<?> requestFor(Row row) {
        HttpMethod method = HttpMethod.valueOf(row.method());
        if (row.body().startsWith(MULTIPART)) {
            String[] part = row.body().substring(MULTIPART.length()).split("=", 2);
            boolean json = part[0].endsWith(":json");
            String name = json ? part[0].substring(0, part[0].length() - ":json".length()) : part[0];
            return multipart(method, row.uri()).file(new MockMultipartFile(name, json ? "" : "authz-probe.bin",
                    json ? MediaType.APPLICATION_JSON_VALUE : MediaType.APPLICATION_OCTET_STREAM_VALUE,
                    (part.length > 1 ? part[1] : "").getBytes(StandardCharsets.UTF_8)));
        }
        return request(method, row.uri());
    }

    /** {@code "METHOD /pattern"} for every handler method under /api/. */
    private Set<String> apiEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    endpoints.add("ANY " + pattern);
                }
                methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
            }
        }
        return endpoints;
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:authz/*.csv");
        Arrays.sort(files, (a, b) -> String.valueOf(a.getFilename()).compareTo(String.valueOf(b.getFilename())));
        for (Resource file : files) {
            List<String> lines = new String(file.getContentAsByteArray(), StandardCharsets.UTF_8).lines().toList();
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n).strip();
                if (line.isEmpty() || line.startsWith("#") || line.equals(HEADER)) {
                    continue;
                }
                rows.add(parse(file.getFilename(), n + 1, line));
            }
        }
        return rows;
    }

    static Row parse(String file, int lineNo, String line) {
        String where = file + ":" + lineNo + ": ";
        String[] cells = line.split(",", ROLES.size() + 3);
        if (cells.length < ROLES.size() + 2) {
            throw new IllegalArgumentException(where + "expected " + HEADER + " but got " + line);
        }
        String method = cells[0].strip().toUpperCase();
        String path = cells[1].strip();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < ROLES.size(); i++) {
            try {
                expected.add(Integer.parseInt(cells[2 + i].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "status for " + ROLES.get(i) + " is not a number: "
                        + cells[2 + i]);
            }
        }
        String body = cells.length > ROLES.size() + 2 ? cells[ROLES.size() + 2].strip() : "";
        Matcher m = SAMPLE.matcher(path);
        StringBuilder pattern = new StringBuilder();
        StringBuilder uri = new StringBuilder();
        int last = 0;
        while (m.find()) {
            pattern.append(path, last, m.start()).append('{').append(m.group(1)).append('}');
            uri.append(path, last, m.start()).append(m.group(2));
            last = m.end();
        }
        pattern.append(path.substring(last));
        uri.append(path.substring(last));
        if (uri.indexOf("{") >= 0) {
            throw new IllegalArgumentException(where + "give every path variable a sample, e.g. {id}=1: " + path);
        }
        return new Row(file, lineNo, method, pattern.toString(), uri.toString(), List.copyOf(expected), body);
    }
}
