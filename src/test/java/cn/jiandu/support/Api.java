package cn.jiandu.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bearer tokens for the demo accounts (password Jiandu@2026), issued once per run through the real endpoint. */
public final class Api {

    public static final String DEMO_PASSWORD = "Jiandu@2026";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Api() {
    }

    public static String token(MockMvc mvc, String username) {
        return TOKENS.computeIfAbsent(username, u -> issue(mvc, u, DEMO_PASSWORD));
    }

    /** Issues a fresh token (not cached). */
    public static String issue(MockMvc mvc, String username, String password) {
        try {
            String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                            .content(JSON.writeValueAsString(Map.of("username", username, "password", password))))
                    .andReturn().getResponse().getContentAsString();
            JsonNode node = JSON.readTree(body);
            if (!node.has("token")) {
                throw new IllegalStateException("no token for " + username + ": " + body);
            }
            return node.get("token").asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds {@code Authorization: Bearer} for a demo account to a request. */
    public static MockHttpServletRequestBuilder as(MockMvc mvc, String username, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + token(mvc, username));
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** The id of the org unit named {@code name} (the first of that name), read through the API as the admin. */
    public static long orgUnitId(MockMvc mvc, String name) throws Exception {
        JsonNode units = json(mvc.perform(as(mvc, "admin", get("/api/v1/org-units"))).andReturn().getResponse()
                .getContentAsString());
        for (JsonNode u : units) {
            if (name.equals(u.get("name").asString())) {
                return Long.parseLong(u.get("id").asString());
            }
        }
        throw new IllegalStateException("no unit " + name);
    }
}
