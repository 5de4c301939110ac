package cn.jiandu.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * Findings 3 and 7 of issue 15: the name check and the insert were separate steps, so uploads and renames at once
 * left two live files of one name in a folder (and every later upload of that name failed), and two renames of one
 * file both succeeded. Each case starts its requests together behind a barrier, several rounds, in a folder of its
 * own; afterwards no folder holds a name twice among its live files.
 */
@IntegrationTest
class SharingRaceTests {

    static final String TEAM = "TEAM_SUPERVISOR";
    static final int ROUNDS = 4;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void oneOwnerUploadingOneNameAtOnceGetsConsecutiveVersionsOfOneFile() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long folder = newFolder("team1");
            String name = Fixtures.unique("并发版本", ".pdf");
            List<MvcResult> results = together(6, i -> Fixtures.upload(mvc, "team1", folder, name,
                    Fixtures.pdf("v" + i)));
            assertThat(results).allSatisfy(r -> assertThat(r.getResponse().getStatus()).isEqualTo(201));
            // No two live files of one name, and every upload kept. On H2 all six are versions of one file; on
            // PostgreSQL (read committed) an upload that loses the race late may still become a numbered copy
            // (名称（2）.pdf) instead of the next version — allowed by the issue ("409 or a numbered copy"), listed
            // as a known gap in the closing note.
            List<String> live = liveNames(folder);
            assertThat(live).doesNotHaveDuplicates().contains(name);
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM sharing_version v JOIN sharing_entry e ON e.id = v.entry_id
                    WHERE e.folder_id = :f""").param("f", folder).query(Long.class).single()).isEqualTo(6L);
            long entry = jdbc.sql("SELECT id FROM sharing_entry WHERE folder_id = :f AND name = :n")
                    .param("f", folder).param("n", name).query(Long.class).single();
            List<Integer> versions = jdbc.sql("SELECT version_no FROM sharing_version WHERE entry_id = :e ORDER BY version_no")
                    .param("e", entry).query(Integer.class).list();
            assertThat(versions).as("consecutive versions from 1").isEqualTo(
                    java.util.stream.IntStream.rangeClosed(1, versions.size()).boxed().toList());
        }
    }

    @Test
    void twoPeopleUploadingOneNameAtOnceGetTheNameAndANumberedCopy() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long folder = newFolder("team1");
            String name = Fixtures.unique("同名", ".pdf");
            String[] who = {"team1", "team2", "team1", "team2"};
            List<MvcResult> results = together(who.length, i -> Fixtures.upload(mvc, who[i], folder,
                    name.replace(".pdf", i < 2 ? ".pdf" : "-b.pdf"), Fixtures.pdf(who[i] + i)));
            assertThat(results).allSatisfy(r -> assertThat(r.getResponse().getStatus()).isEqualTo(201));
            List<String> names = liveNames(folder);
            assertThat(names).doesNotHaveDuplicates().hasSize(4);
            assertThat(names).contains(name, name.replace(".pdf", "-b.pdf"));
        }
    }

    @Test
    void twoFilesRenamedToOneNameAtOnceOneWinsTheOtherGets409() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long folder = newFolder("team1");
            long a = Fixtures.uploaded(mvc, "team1", folder, Fixtures.unique("甲", ".pdf"), Fixtures.pdf("a"));
            long b = Fixtures.uploaded(mvc, "team1", folder, Fixtures.unique("乙", ".pdf"), Fixtures.pdf("b"));
            String target = Fixtures.unique("目标", ".pdf");
            long[] ids = {a, b};
            List<MvcResult> results = together(2, i -> rename(ids[i], target));
            assertThat(results.stream().map(r -> r.getResponse().getStatus()).sorted().toList())
                    .containsExactly(200, 409);
            assertThat(liveNames(folder)).doesNotHaveDuplicates().hasSize(2).contains(target);
            MvcResult loser = results.stream().filter(r -> r.getResponse().getStatus() == 409).findFirst()
                    .orElseThrow();
            assertThat(loser.getResponse().getContentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void twoRenamesOfOneFileAtOnceNeverLoseAnUpdateAndTheAuditChains() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long folder = newFolder("team1");
            String original = Fixtures.unique("原名", ".pdf");
            long id = Fixtures.uploaded(mvc, "team1", folder, original, Fixtures.pdf("x"));
            String[] names = {Fixtures.unique("新名甲", ".pdf"), Fixtures.unique("新名乙", ".pdf")};
            List<MvcResult> results = together(2, i -> rename(id, names[i]));
            assertThat(results).allSatisfy(r -> assertThat(r.getResponse().getStatus()).isIn(200, 409));
            List<String> live = liveNames(folder);
            assertThat(live).hasSize(1);
            // a lost update shows as two entries both starting from the original name; the changes that were
            // applied form one chain from the original name to the name the file has now
            List<String> renames = jdbc.sql("""
                    SELECT detail FROM audit_entry WHERE action = 'sharing.rename' AND target_type = 'sharing_entry'
                    AND target_id = :id ORDER BY id""").param("id", String.valueOf(id)).query(String.class).list();
            long applied = results.stream().filter(r -> r.getResponse().getStatus() == 200).count();
            assertThat(renames).hasSize((int) applied);
            String current = original;
            for (String r : renames) {
                assertThat(r).startsWith(current + " → ");
                current = r.substring((current + " → ").length());
            }
            assertThat(current).isEqualTo(live.get(0));
        }
    }

    private MvcResult rename(long id, String name) throws Exception {
        return mvc.perform(Api.as(mvc, "team1", patch("/api/v1/files/{id}", id))
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(Map.of("name", name)))).andReturn();
    }

    /** A subfolder of the team space's 亮点 folder, so each round starts from an empty folder. */
    private long newFolder(String user) throws Exception {
        JsonNode space = Fixtures.space(mvc, user, TEAM);
        long highlights = Fixtures.folder(mvc, user, TEAM, "HIGHLIGHTS");
        MvcResult r = mvc.perform(Api.as(mvc, user, post("/api/v1/folders")).contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(Map.of("spaceId", space.get("id").asString(), "parentId",
                        String.valueOf(highlights), "name", Fixtures.unique("竞争", ""))))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        return Long.parseLong(Fixtures.json(r).get("id").asString());
    }

    private List<String> liveNames(long folder) {
        return jdbc.sql("SELECT name FROM sharing_entry WHERE folder_id = :f AND deleted_at IS NULL ORDER BY id")
                .param("f", folder).query(String.class).list();
    }

    interface Request {
        MvcResult send(int i) throws Exception;
    }

    /** Sends n requests from n threads released at the same instant; returns their results in order. */
    private List<MvcResult> together(int n, Request request) throws Exception {
        Api.token(mvc, "team1");
        Api.token(mvc, "team2");
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<MvcResult>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                Callable<MvcResult> c = () -> {
                    start.await();
                    return request.send(k);
                };
                futures.add(pool.submit(c));
            }
            List<MvcResult> results = new ArrayList<>();
            for (Future<MvcResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
