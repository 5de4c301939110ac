package cn.jiandu.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * Owner (team1), other member (team2), non-member (grid1) and admin × every action on a file team1 uploaded to the
 * 班组监督员 space: each cell's status, and for every refusal that nothing changed.
 */
@IntegrationTest
class SharingPermissionMatrixTests {

    private static final String SPACE = "TEAM_SUPERVISOR";
    private static final String OWNER = "team1";

    @Autowired
    MockMvc mvc;

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "team1, browse, 200", "team2, browse, 200", "grid1, browse, 404", "admin, browse, 200",
            "team1, download, 200", "team2, download, 200", "grid1, download, 404", "admin, download, 200",
            "team1, upload, 201", "team2, upload, 201", "grid1, upload, 404", "admin, upload, 201",
            "team1, rename, 200", "team2, rename, 403", "grid1, rename, 404", "admin, rename, 200",
            "team1, move, 200", "team2, move, 403", "grid1, move, 404", "admin, move, 200",
            "team1, delete, 204", "team2, delete, 403", "grid1, delete, 404", "admin, delete, 204",
            "team1, restore, 200", "team2, restore, 403", "grid1, restore, 404", "admin, restore, 200",
            "team1, publish, 403", "team2, publish, 403", "grid1, publish, 403", "admin, publish, 201"})
    void cell(String actor, String action, int expected) throws Exception {
        long highlights = Fixtures.folder(mvc, OWNER, SPACE, "HIGHLIGHTS");
        long exam = Fixtures.folder(mvc, OWNER, SPACE, "EXAM_REVIEW");
        String name = Fixtures.unique("matrix-" + action, ".pdf");
        byte[] bytes = Fixtures.pdf(name);
        long file = Fixtures.uploaded(mvc, OWNER, highlights, name, bytes);

        MvcResult r = switch (action) {
            case "browse" -> call(actor, get("/api/v1/folders/{id}/entries", highlights).param("q", name));
            case "download" -> call(actor, get("/api/v1/files/{id}/content", file));
            case "upload" -> Fixtures.upload(mvc, actor, highlights, Fixtures.unique("up", ".pdf"), bytes);
            case "rename" -> call(actor, patch("/api/v1/files/{id}", file).contentType(MediaType.APPLICATION_JSON)
                    .content(Api.write(Map.of("name", "renamed-" + name))));
            case "move" -> call(actor, patch("/api/v1/files/{id}", file).contentType(MediaType.APPLICATION_JSON)
                    .content(Api.write(Map.of("folderId", String.valueOf(exam)))));
            case "delete" -> call(actor, delete("/api/v1/files/{id}", file));
            case "restore" -> {
                assertThat(call(OWNER, delete("/api/v1/files/{id}", file)).getResponse().getStatus()).isEqualTo(204);
                yield call(actor, post("/api/v1/recycle-bin/{id}/restore", file));
            }
            case "publish" -> publish(actor, name);
            default -> throw new IllegalArgumentException(action);
        };
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(expected);

        JsonNode now = Fixtures.json(call(OWNER, get("/api/v1/files/{id}", file)));
        switch (action) {
            case "browse" -> {
                if (expected == 200) {
                    JsonNode items = Fixtures.json(r).get("items");
                    assertThat(items).hasSize(1);
                    assertThat(items.get(0).get("name").asString()).isEqualTo(name);
                }
            }
            case "download" -> {
                if (expected == 200) {
                    assertThat(r.getResponse().getContentAsByteArray()).isEqualTo(bytes);
                }
            }
            case "rename" -> assertThat(now.get("name").asString()).isEqualTo(expected == 200 ? "renamed-" + name : name);
            case "move" -> assertThat(Long.parseLong(now.get("folderId").asString()))
                    .isEqualTo(expected == 200 ? exam : highlights);
            case "delete" -> assertThat(call(OWNER, get("/api/v1/files/{id}", file)).getResponse().getStatus())
                    .isEqualTo(expected == 204 ? 404 : 200);
            case "restore" -> assertThat(call(OWNER, get("/api/v1/files/{id}", file)).getResponse().getStatus())
                    .isEqualTo(expected == 200 ? 200 : 404);
            default -> {
            }
        }
        if (expected >= 400 && !action.equals("publish")) {
            assertThat(r.getResponse().getContentType()).contains("application/problem+json");
        }
    }

    private MvcResult publish(String actor, String name) throws Exception {
        var req = multipart("/api/v1/files/publish")
                .file(new MockMultipartFile("file", "pub-" + name, "application/pdf", Fixtures.pdf(name)))
                .param("folderKind", "TRAINING_COURSES");
        for (String role : new String[] {"BRANCH_INSPECTOR", "TEAM_SUPERVISOR", "GRID_SUPERVISOR"}) {
            req.param("spaceIds", Fixtures.space(mvc, "admin", role).get("id").asString());
        }
        MvcResult r = mvc.perform(req.header("Authorization", "Bearer " + Api.token(mvc, actor))).andReturn();
        if (r.getResponse().getStatus() == 201) {
            JsonNode placed = Fixtures.json(r);
            assertThat(placed).hasSize(3);
            assertThat(placed.get(0).get("sha256").asString()).isEqualTo(placed.get(2).get("sha256").asString());
        }
        return r;
    }

    private MvcResult call(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder b)
            throws Exception {
        return mvc.perform(Api.as(mvc, user, b)).andReturn();
    }
}
