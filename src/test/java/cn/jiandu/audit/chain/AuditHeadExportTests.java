package cn.jiandu.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.support.IntegrationTest;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exported head catches what the walk alone cannot: a table rewritten as a whole, every hash recomputed. The
 * tampering runs in a transaction that is rolled back; heads are written to a directory of the test's own.
 */
@IntegrationTest
class AuditHeadExportTests {

    @Autowired
    AuditTrail trail;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    HeadExport export;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;
    @Autowired
    AuditChain chain;

    static final Duration GRACE = Duration.ofMinutes(10);

    @TempDir
    Path heads;

    long append(String detail) {
        trail.recordAs(null, "head-test", "chain.test", "test", detail, Outcome.SUCCESS, detail);
        return jdbc.sql("SELECT MAX(id) FROM audit_entry WHERE actor_name = 'head-test'").query(Long.class).single();
    }

    /** What an intruder with write access to the database does: change an entry and re-hash the chain after it. */
    void rewriteFrom(long id, String newDetail) {
        jdbc.sql("UPDATE audit_entry SET detail = :d WHERE id = :id").param("d", newDetail).param("id", id).update();
        String prev = jdbc.sql("SELECT prev_hash FROM audit_chain WHERE entry_id = :id").param("id", id)
                .query(String.class).single();
        var rows = jdbc.sql("SELECT " + AuditChain.columns() + " FROM audit_chain c JOIN audit_entry e ON e.id = "
                        + "c.entry_id WHERE c.seq >= (SELECT seq FROM audit_chain WHERE entry_id = :id) ORDER BY c.seq")
                .param("id", id).query((rs, n) -> new Object[] {rs.getLong("id"), AuditChain.hashRow(null, rs)})
                .list();
        long last = id;
        for (Object[] row : rows) {
            String hash = ((AuditChain.RowHasher) row[1]).hash(prev);
            jdbc.sql("UPDATE audit_chain SET prev_hash = :p, entry_hash = :h WHERE entry_id = :id").param("p", prev)
                    .param("h", hash).param("id", row[0]).update();
            prev = hash;
            last = (Long) row[0];
        }
        jdbc.sql("UPDATE audit_chain_head SET head_hash = :h, last_id = :id WHERE id = 1").param("h", prev)
                .param("id", last).update();
    }

    @Test
    void aWholeTableRewriteFoolsTheWalkButNotTheExportedHead() {
        var files = new HeadCheckpoints(heads);
        var result = tx.execute(status -> {
            long first = append("first");
            long second = append("second");
            chain.linkPending();
            HeadCheckpoint exported = export.current().orElseThrow();
            files.write(exported);
            append("third");
            chain.linkPending();
            assertThat(verifier.verify(files.read().checkpoints()).valid()).as("untouched").isTrue();
            rewriteFrom(first, "rewritten");
            var walkOnly = verifier.verify();
            var withHeads = verifier.verify(files.read().checkpoints());
            status.setRollbackOnly();
            return new Object[] {exported.lastId(), second, walkOnly, withHeads};
        });
        assertThat(result[0]).as("the exported head is the last chained entry").isEqualTo(result[1]);
        assertThat(((ChainVerifier.Verification) result[2]).valid())
                .as("a consistent rewrite passes the walk alone (why the head is exported)").isTrue();
        var withHeads = (ChainVerifier.Verification) result[3];
        assertThat(withHeads.valid()).isFalse();
        assertThat(withHeads.firstBreak()).as("found at the exported head's entry").isEqualTo(result[1]);
    }

    @Test
    void entriesCutBackBehindAnExportedHeadAreFound() {
        var files = new HeadCheckpoints(heads);
        var result = tx.execute(status -> {
            long keep = append("keep");
            long cut = append("cut");
            chain.linkPending();
            files.write(export.current().orElseThrow());
            jdbc.sql("DELETE FROM audit_chain WHERE entry_id >= :id").param("id", cut).update();
            jdbc.sql("DELETE FROM audit_entry WHERE id >= :id").param("id", cut).update();
            String keptHash = jdbc.sql("SELECT entry_hash FROM audit_chain WHERE entry_id = :id").param("id", keep)
                    .query(String.class).single();
            long keptSeq = jdbc.sql("SELECT seq FROM audit_chain WHERE entry_id = :id").param("id", keep)
                    .query(Long.class).single();
            jdbc.sql("UPDATE audit_chain_head SET head_hash = :h, last_id = :id, last_seq = :seq WHERE id = 1")
                    .param("h", keptHash).param("id", keep).param("seq", keptSeq).update();
            var walkOnly = verifier.verify();
            var withHeads = verifier.verify(files.read().checkpoints());
            status.setRollbackOnly();
            return new Object[] {cut, walkOnly, withHeads};
        });
        assertThat(((ChainVerifier.Verification) result[1]).valid()).as("a clean cut at the end").isTrue();
        var withHeads = (ChainVerifier.Verification) result[2];
        assertThat(withHeads.valid()).isFalse();
        assertThat(withHeads.firstBreak()).isEqualTo(result[0]);
    }

    @Test
    void theExportWritesAFileAndPostsTheSameJsonToTheWebhook() throws Exception {
        append("webhook");
        chain.linkPending();
        var received = new CompletableFuture<String>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/heads", exchange -> {
            received.complete(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            var hooked = new HeadExport(jdbc, clock, new AuditHeadProperties(heads,
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/heads")));
            HeadCheckpoint c = hooked.export().orElseThrow();
            assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo(c.toJson());
            assertThat(new HeadCheckpoints(heads).read().checkpoints()).containsExactly(c);
            assertThat(Files.readString(heads.resolve("audit-head-" + c.lastId() + ".json"))).contains(c.headHash());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aFileThatIsNotACheckpointIsReportedNotUsed() throws Exception {
        Files.writeString(heads.resolve("audit-head-1.json"), "{\"lastId\":1}");
        var read = new HeadCheckpoints(heads).read();
        assertThat(read.checkpoints()).isEmpty();
        assertThat(read.unreadable()).containsExactly(heads.resolve("audit-head-1.json"));
        var c = new HeadCheckpoint(7, "a".repeat(64), 7, Instant.parse("2026-12-04T00:10:00Z"));
        assertThat(HeadCheckpoint.parse(c.toJson())).contains(c);
    }

    @Test
    void theCommandPrintsTheVerdictAndExitsByIt() {
        var files = new HeadCheckpoints(heads);
        append("command");
        chain.linkPending();
        files.write(export.current().orElseThrow());
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int rc = AuditVerifyCommand.verify(dataSource, heads, GRACE, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).as("stderr: %s", err).isEqualTo(AuditVerifyCommand.VALID);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"valid\":true", "\"checkpoints\":1");

        var forged = new HeadCheckpoint(export.current().orElseThrow().lastId(), "b".repeat(64),
                export.current().orElseThrow().entries(), clock.instant());
        files.write(forged);
        out.reset();
        rc = AuditVerifyCommand.verify(dataSource, heads, GRACE, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).isEqualTo(AuditVerifyCommand.BROKEN);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"valid\":false",
                "\"firstBreak\":\"" + forged.lastId() + "\"");
        assertThat(AuditVerifyCommand.run(new String[] {"--heads=" + heads}, new PrintStream(out), new PrintStream(err)))
                .as("no --url").isEqualTo(AuditVerifyCommand.CANNOT_VERIFY);
        assertThat(AuditVerifyCommand.run(new String[] {"url"}, new PrintStream(out), new PrintStream(err)))
                .as("not an --option").isEqualTo(AuditVerifyCommand.CANNOT_VERIFY);
    }
}
