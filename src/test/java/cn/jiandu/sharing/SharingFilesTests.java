package cn.jiandu.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.files.FileStore;
import cn.jiandu.sharing.domain.SharingService;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SharingFilesTests {

    private static final String TEAM = "TEAM_SUPERVISOR";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SharingService sharing;
    @Autowired
    FileStore store;

    private MvcResult call(String user, MockHttpServletRequestBuilder b) throws Exception {
        return mvc.perform(Api.as(mvc, user, b)).andReturn();
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, Object body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(Api.write(body));
    }

    @Test
    void spacesListTheFourStandardFoldersWithTheirKinds() throws Exception {
        JsonNode space = Fixtures.space(mvc, "team1", TEAM);
        assertThat(space.get("name").asString()).isEqualTo("班组监督员");
        assertThat(space.get("rootFolderId").asString()).isNotBlank();
        List<String> kinds = new ArrayList<>();
        space.get("folders").forEach(f -> kinds.add(f.get("kind").asString() + ":" + f.get("name").asString()));
        assertThat(kinds).containsExactly("DUTY_MATERIALS:履职材料反馈", "HIGHLIGHTS:工作亮点",
                "EXAM_REVIEW:业务考试复习资料", "TRAINING_COURSES:业务培训课");
        JsonNode mine = Api.json(call("team1", get("/api/v1/spaces")).getResponse().getContentAsString());
        List<String> roles = new ArrayList<>();
        mine.forEach(s -> roles.add(s.get("roleCode").isNull() ? "-" : s.get("roleCode").asString()));
        assertThat(roles).contains(TEAM).doesNotContain("GRID_SUPERVISOR", "BRANCH_INSPECTOR");
        assertThat(Api.json(call("staff1", get("/api/v1/spaces")).getResponse().getContentAsString())).isEmpty();
    }

    @Test
    void sameNameByOwnerIsANewVersionByAnotherMemberANumberedCopy() throws Exception {
        long folder = Fixtures.folder(mvc, "team1", TEAM, "EXAM_REVIEW");
        String base = Fixtures.unique("复习", "");
        String name = base + ".pdf";
        long id = Fixtures.uploaded(mvc, "team1", folder, name, Fixtures.pdf("v1"));
        long again = Fixtures.uploaded(mvc, "team1", folder, name, Fixtures.pdf("v2"));
        assertThat(again).isEqualTo(id);
        JsonNode versions = Api.json(call("team2", get("/api/v1/files/{id}/versions", id)).getResponse()
                .getContentAsString());
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("versionNo").asInt()).isEqualTo(2);
        byte[] v1 = call("team2", get("/api/v1/files/{id}/content", id).param("version", "1")).getResponse()
                .getContentAsByteArray();
        assertThat(v1).isEqualTo(Fixtures.pdf("v1"));
        assertThat(call("team2", get("/api/v1/files/{id}/content", id)).getResponse().getContentAsByteArray())
                .isEqualTo(Fixtures.pdf("v2"));

        // a version restore by someone else is refused; by the owner it becomes version 3 with v1's bytes
        assertThat(call("team2", post("/api/v1/files/{id}/versions/1/restore", id)).getResponse().getStatus())
                .isEqualTo(403);
        JsonNode restored = Api.json(call("team1", post("/api/v1/files/{id}/versions/1/restore", id)).getResponse()
                .getContentAsString());
        assertThat(restored.get("versionNo").asInt()).isEqualTo(3);
        assertThat(call("team1", get("/api/v1/files/{id}/content", id)).getResponse().getContentAsByteArray())
                .isEqualTo(Fixtures.pdf("v1"));

        long other = Fixtures.uploaded(mvc, "team2", folder, name, Fixtures.pdf("team2"));
        assertThat(other).isNotEqualTo(id);
        JsonNode otherJson = Api.json(call("team2", get("/api/v1/files/{id}", other)).getResponse().getContentAsString());
        assertThat(otherJson.get("name").asString()).isEqualTo(base + "（2）.pdf");
    }

    @Test
    void listingPagesWithAKeysetCursorSortsSearchesAndCarriesAllowedActions() throws Exception {
        long highlights = Fixtures.folder(mvc, "team1", TEAM, "HIGHLIGHTS");
        String tag = Fixtures.unique("page", "");
        for (int i = 0; i < 5; i++) {
            Fixtures.uploaded(mvc, i % 2 == 0 ? "team1" : "team2", highlights, tag + "-" + i + ".txt",
                    Fixtures.text(10 + i));
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            var req = get("/api/v1/folders/{id}/entries", highlights).param("q", tag).param("size", "2")
                    .param("sort", "-size");
            if (cursor != null) {
                req.param("cursor", cursor);
            }
            JsonNode page = Api.json(call("team2", req).getResponse().getContentAsString());
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            for (JsonNode item : page.get("items")) {
                names.add(item.get("name").asString());
                List<String> actions = new ArrayList<>();
                item.get("allowedActions").forEach(a -> actions.add(a.asString()));
                boolean mine = item.get("name").asString().matches(".*-[13]\\.txt");
                assertThat(actions.contains("DELETE")).as(item.toString()).isEqualTo(mine);
                assertThat(actions).contains("DOWNLOAD");
                assertThat(item.get("type").asString()).isEqualTo("FILE");
            }
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(names).containsExactly(tag + "-4.txt", tag + "-3.txt", tag + "-2.txt", tag + "-1.txt",
                tag + "-0.txt");
        assertThat(call("team1", get("/api/v1/folders/{id}/entries", highlights).param("sort", "bogus")).getResponse()
                .getStatus()).isEqualTo(400);
        assertThat(call("team1", get("/api/v1/folders/{id}/entries", highlights).param("cursor", "!!")).getResponse()
                .getStatus()).isEqualTo(400);
    }

    @Test
    void pagingWalksFoldersThenFilesInEverySortWithoutLosingOrRepeatingAnEntry() throws Exception {
        long highlights = Fixtures.folder(mvc, "team1", TEAM, "HIGHLIGHTS");
        String spaceId = Fixtures.space(mvc, "team1", TEAM).get("id").asString();
        String tag = Fixtures.unique("walk", "");
        for (String f : List.of("b", "a")) {
            assertThat(call("team1", json(post("/api/v1/folders"), Map.of("spaceId", spaceId,
                    "parentId", String.valueOf(highlights), "name", tag + "-dir-" + f))).getResponse().getStatus())
                    .isEqualTo(201);
        }
        for (int i = 0; i < 5; i++) {
            Fixtures.uploaded(mvc, "team1", highlights, tag + "-" + (char) ('e' - i) + ".txt", Fixtures.text(20 + i % 3));
        }
        for (String sort : List.of("name", "-name", "size", "-size", "updatedAt", "-updatedAt")) {
            List<String> whole = walk(highlights, tag, sort, 100);
            assertThat(whole).as(sort).hasSize(7);
            assertThat(whole.subList(0, 2)).as("folders first, " + sort).allMatch(n -> n.contains("-dir-"));
            assertThat(walk(highlights, tag, sort, 2)).as("paged by 2, " + sort).isEqualTo(whole);
            assertThat(walk(highlights, tag, sort, 1)).as("paged by 1, " + sort).isEqualTo(whole);
        }
        assertThat(walk(highlights, tag, "name", 100)).containsExactly(tag + "-dir-a", tag + "-dir-b",
                tag + "-a.txt", tag + "-b.txt", tag + "-c.txt", tag + "-d.txt", tag + "-e.txt");
        assertThat(walk(highlights, tag, "-name", 100)).containsExactly(tag + "-dir-b", tag + "-dir-a",
                tag + "-e.txt", tag + "-d.txt", tag + "-c.txt", tag + "-b.txt", tag + "-a.txt");
    }

    private List<String> walk(long folder, String q, String sort, int size) throws Exception {
        List<String> names = new ArrayList<>();
        String cursor = null;
        for (int guard = 0; guard < 50; guard++) {
            var req = get("/api/v1/folders/{id}/entries", folder).param("q", q).param("sort", sort)
                    .param("size", String.valueOf(size));
            if (cursor != null) {
                req.param("cursor", cursor);
            }
            JsonNode page = Api.json(call("team2", req).getResponse().getContentAsString());
            page.get("items").forEach(item -> names.add(item.get("name").asString()));
            if (page.get("nextCursor").isNull()) {
                return names;
            }
            cursor = page.get("nextCursor").asString();
        }
        throw new AssertionError("paging did not end: " + names);
    }

    @Test
    void badNamesAre400AndNothingIsStored() throws Exception {
        long folder = Fixtures.folder(mvc, "team1", TEAM, "EXAM_REVIEW");
        for (String bad : List.of("a\\b.pdf", "..x.pdf", "ctl\u0001.pdf", "长".repeat(86) + ".pdf")) {
            MvcResult r = Fixtures.upload(mvc, "team1", folder, bad, Fixtures.pdf("x"));
            assertThat(r.getResponse().getStatus()).as(bad).isEqualTo(400);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM sharing_entry WHERE name = :n").param("n", bad)
                    .query(Long.class).single()).isZero();
        }
        long id = Fixtures.uploaded(mvc, "team1", folder, Fixtures.unique("ok", ".pdf"), Fixtures.pdf("x"));
        for (String bad : List.of("a/b.pdf", "..", "x\ny")) {
            assertThat(call("team1", json(patch("/api/v1/files/{id}", id), Map.of("name", bad))).getResponse()
                    .getStatus()).isEqualTo(400);
        }
    }

    @Test
    void moveIntoAnotherSpaceIs400AndTheFileStays() throws Exception {
        long folder = Fixtures.folder(mvc, "admin", TEAM, "EXAM_REVIEW");
        long gridFolder = Fixtures.folder(mvc, "admin", "GRID_SUPERVISOR", "EXAM_REVIEW");
        long id = Fixtures.uploaded(mvc, "admin", folder, Fixtures.unique("move", ".pdf"), Fixtures.pdf("m"));
        MvcResult r = call("admin", json(patch("/api/v1/files/{id}", id), Map.of("folderId", gridFolder)));
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(Api.json(call("admin", get("/api/v1/files/{id}", id)).getResponse().getContentAsString())
                .get("folderId").asString()).isEqualTo(Long.toString(folder));
    }

    @Test
    void htmlAndSvgAreRefusedByContentWhateverTheirName() throws Exception {
        long folder = Fixtures.folder(mvc, "team1", TEAM, "EXAM_REVIEW");
        String html = "<!DOCTYPE html><html><script>alert(1)</script></html>";
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>";
        for (String[] c : new String[][] {{Fixtures.unique("page", ".pdf"), html}, {Fixtures.unique("pic", ".png"), svg}}) {
            MvcResult r = Fixtures.upload(mvc, "team1", folder, c[0], c[1].getBytes(StandardCharsets.UTF_8));
            assertThat(r.getResponse().getStatus()).as(c[0]).isEqualTo(400);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM sharing_entry WHERE name = :n").param("n", c[0])
                    .query(Long.class).single()).isZero();
        }
    }

    @Test
    void rangeRequestReturns206WithTheRequestedBytesAndDispositionFollowsTheType() throws Exception {
        long folder = Fixtures.folder(mvc, "team1", TEAM, "TRAINING_COURSES");
        byte[] text = Fixtures.text(1000);
        String name = Fixtures.unique("讲义", ".txt");
        long id = Fixtures.uploaded(mvc, "team1", folder, name, text);
        MvcResult r = call("team2", get("/api/v1/files/{id}/content", id).header("Range", "bytes=100-199"));
        assertThat(r.getResponse().getStatus()).isEqualTo(206);
        assertThat(r.getResponse().getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(text, 100, 200));
        assertThat(r.getResponse().getHeader("Content-Range")).isEqualTo("bytes 100-199/1000");
        // text is never inline, even when asked for
        MvcResult inlineText = call("team2", get("/api/v1/files/{id}/content", id).param("inline", "true"));
        assertThat(inlineText.getResponse().getHeader("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''");
        assertThat(inlineText.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

        long png = Fixtures.uploaded(mvc, "team1", folder, Fixtures.unique("图", ".png"), Fixtures.png());
        MvcResult img = call("team2", get("/api/v1/files/{id}/content", png).param("inline", "true"));
        assertThat(img.getResponse().getHeader("Content-Disposition")).startsWith("inline;");
        assertThat(img.getResponse().getContentType()).isEqualTo("image/png");
        assertThat(call("team2", get("/api/v1/files/{id}/content", png)).getResponse()
                .getHeader("Content-Disposition")).startsWith("attachment;");
    }

    @Test
    void quotaRefusesWith413BeforeStoring() throws Exception {
        JsonNode space = Api.json(call("admin", json(post("/api/v1/spaces"), Map.of("name",
                Fixtures.unique("配额测试", "")))).getResponse().getContentAsString());
        String spaceId = space.get("id").asString();
        assertThat(call("admin", json(patch("/api/v1/spaces/{id}", spaceId), Map.of("quotaBytes", 1500)))
                .getResponse().getStatus()).isEqualTo(200);
        long userId = Api.json(call("team1", get("/api/v1/me")).getResponse().getContentAsString()).get("id").asLong();
        assertThat(call("admin", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/v1/spaces/{id}/members/{u}", spaceId, userId)).getResponse().getStatus()).isEqualTo(204);
        long folder = 0;
        for (JsonNode f : space.get("folders")) {
            if (f.get("kind").asString().equals("HIGHLIGHTS")) {
                folder = Long.parseLong(f.get("id").asString());
            }
        }
        Fixtures.uploaded(mvc, "team1", folder, "first.txt", Fixtures.text(1000));
        long versionsBefore = jdbc.sql("SELECT COUNT(*) FROM sharing_version WHERE space_id = :s")
                .param("s", Long.parseLong(spaceId)).query(Long.class).single();
        MvcResult r = Fixtures.upload(mvc, "team1", folder, "second.txt", Fixtures.text(1000));
        assertThat(r.getResponse().getStatus()).isEqualTo(413);
        assertThat(r.getResponse().getContentAsString()).contains("配额");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sharing_version WHERE space_id = :s")
                .param("s", Long.parseLong(spaceId)).query(Long.class).single()).isEqualTo(versionsBefore);
        JsonNode shown = Fixtures.json(call("team1", get("/api/v1/spaces"))).findParents("id").stream()
                .filter(n -> n.get("id").asString().equals(spaceId)).findFirst().orElseThrow();
        assertThat(shown.get("usedBytes").asLong()).isEqualTo(1000);
        assertThat(shown.get("quotaBytes").asLong()).isEqualTo(1500);
    }

    @Test
    void binRestoresWithinTheDaysAndPurgesAfter() throws Exception {
        long folder = Fixtures.folder(mvc, "team1", TEAM, "HIGHLIGHTS");
        long keep = Fixtures.uploaded(mvc, "team1", folder, Fixtures.unique("keep", ".pdf"), Fixtures.pdf("k"));
        long gone = Fixtures.uploaded(mvc, "team1", folder, Fixtures.unique("gone", ".pdf"), Fixtures.pdf("g"));
        assertThat(call("team1", delete("/api/v1/files/{id}", keep)).getResponse().getStatus()).isEqualTo(204);
        assertThat(call("team1", delete("/api/v1/files/{id}", gone)).getResponse().getStatus()).isEqualTo(204);
        String bin = call("team1", get("/api/v1/recycle-bin")).getResponse().getContentAsString();
        assertThat(bin).contains("\"" + keep + "\"").contains("\"" + gone + "\"").contains("purgeAt");
        assertThat(call("team2", get("/api/v1/recycle-bin")).getResponse().getContentAsString())
                .doesNotContain("\"" + keep + "\"");

        long blob = jdbc.sql("SELECT blob_id FROM sharing_entry WHERE id = :id").param("id", gone).query(Long.class)
                .single();
        jdbc.sql("UPDATE sharing_entry SET deleted_at = :t, live = NULL WHERE id = :id")
                .param("t", Timestamp.from(Instant.now().minus(31, ChronoUnit.DAYS))).param("id", gone).update();
        assertThat(sharing.purgeExpired(Instant.now())).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sharing_entry WHERE id IN (:ids)").param("ids", List.of(keep, gone))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(store.find(blob)).isEmpty();
        assertThat(call("team1", post("/api/v1/recycle-bin/{id}/restore", gone)).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(call("team1", post("/api/v1/recycle-bin/{id}/restore", keep)).getResponse().getStatus())
                .isEqualTo(200);
        assertThat(call("team2", get("/api/v1/files/{id}/content", keep)).getResponse().getContentAsByteArray())
                .isEqualTo(Fixtures.pdf("k"));
    }

    @Test
    void membersMakeSubfoldersOnlyInHighlightsAndDeleteThemOnlyWhileTheyHoldNoOneElsesFiles() throws Exception {
        JsonNode space = Fixtures.space(mvc, "team1", TEAM);
        String spaceId = space.get("id").asString();
        long highlights = Fixtures.folder(mvc, "team1", TEAM, "HIGHLIGHTS");
        long exam = Fixtures.folder(mvc, "team1", TEAM, "EXAM_REVIEW");
        assertThat(call("team1", json(post("/api/v1/folders"), Map.of("spaceId", spaceId, "parentId", exam,
                "name", "x"))).getResponse().getStatus()).isEqualTo(403);
        assertThat(call("team1", json(post("/api/v1/folders"), Map.of("spaceId", spaceId, "name", "top")))
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(call("team1", json(patch("/api/v1/folders/{id}", highlights), Map.of("name", "亮点")))
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(call("grid1", json(post("/api/v1/folders"), Map.of("spaceId", spaceId, "parentId", highlights,
                "name", "x"))).getResponse().getStatus()).isEqualTo(404);

        MvcResult created = call("team1", json(post("/api/v1/folders"), Map.of("spaceId", spaceId,
                "parentId", highlights, "name", Fixtures.unique("我的亮点", ""))));
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        long sub = Long.parseLong(Fixtures.json(created).get("id").asString());
        assertThat(call("team2", json(patch("/api/v1/folders/{id}", sub), Map.of("name", "他的"))).getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(call("team1", json(patch("/api/v1/folders/{id}", sub), Map.of("name", Fixtures.unique("改名", ""))))
                .getResponse().getStatus()).isEqualTo(200);

        long own = Fixtures.uploaded(mvc, "team1", sub, "own.pdf", Fixtures.pdf("own"));
        long others = Fixtures.uploaded(mvc, "team2", sub, "others.pdf", Fixtures.pdf("others"));
        assertThat(call("team2", delete("/api/v1/folders/{id}", sub)).getResponse().getStatus()).isEqualTo(403);
        assertThat(call("team1", delete("/api/v1/folders/{id}", sub)).getResponse().getStatus()).isEqualTo(409);
        assertThat(call("team2", delete("/api/v1/files/{id}", others)).getResponse().getStatus()).isEqualTo(204);
        // still someone else's file, in the bin
        assertThat(call("team1", delete("/api/v1/folders/{id}", sub)).getResponse().getStatus()).isEqualTo(409);
        assertThat(call("admin", delete("/api/v1/folders/{id}", sub)).getResponse().getStatus()).isEqualTo(204);
        assertThat(call("team1", get("/api/v1/files/{id}", own)).getResponse().getStatus()).isEqualTo(404);
        assertThat(call("team1", post("/api/v1/recycle-bin/{id}/restore", own)).getResponse().getStatus())
                .isEqualTo(200);
        assertThat(call("team1", get("/api/v1/folders/{id}/entries", sub)).getResponse().getContentAsString())
                .contains("own.pdf");
    }

    @Test
    void fileOperationsAreAudited() throws Exception {
        long folder = Fixtures.folder(mvc, "team1", TEAM, "HIGHLIGHTS");
        long id = Fixtures.uploaded(mvc, "team1", folder, Fixtures.unique("audit", ".pdf"), Fixtures.pdf("a"));
        call("team2", get("/api/v1/files/{id}/content", id));
        call("team2", delete("/api/v1/files/{id}", id));
        call("team1", delete("/api/v1/files/{id}", id));
        List<String> actions = jdbc.sql("""
                SELECT action || ':' || outcome FROM audit_entry WHERE target_type = 'sharing_entry'
                AND target_id = :id ORDER BY id""").param("id", Long.toString(id)).query(String.class).list();
        assertThat(actions).containsExactly("sharing.upload:SUCCESS", "sharing.download:SUCCESS",
                "sharing.delete:DENIED", "sharing.delete:SUCCESS");
    }
}
