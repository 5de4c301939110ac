package cn.jiandu.audit.chain;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The verification command: walks the chain of a database against the exported heads, without starting Jiandu
 * (so it runs beside a stopped H2 installation, or against a PostgreSQL copy on another host). Run through
 * {@code ops/audit-verify.sh}, which starts this class from Jiandu's own jar. Prints one line of JSON and exits
 * 0 when the chain is intact, 1 when it is broken, 2 when it could not be verified (bad arguments, no database).
 *
 * <pre>--url=jdbc:… [--user=…] [--password=…] [--heads=dir] [--grace=PT10M]</pre>
 *
 * <p>{@code --grace} must be the installation's {@code jiandu.audit.chain.grace}: an entry left unlinked for longer
 * is reported as a break.
 */
public final class AuditVerifyCommand {

    static final int VALID = 0;
    static final int BROKEN = 1;
    static final int CANNOT_VERIFY = 2;

    private AuditVerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> opts = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) {
                err.println("usage: --url=jdbc:... [--user=...] [--password=...] [--heads=dir]; not understood: " + a);
                return CANNOT_VERIFY;
            }
            opts.put(a.substring(2, eq), a.substring(eq + 1));
        }
        String url = opts.get("url");
        if (url == null || url.isBlank()) {
            err.println("usage: --url=jdbc:... [--user=...] [--password=...] [--heads=dir]");
            return CANNOT_VERIFY;
        }
        var dataSource = new DriverManagerDataSource(url, opts.getOrDefault("user", ""),
                opts.getOrDefault("password", ""));
        Duration grace;
        try {
            grace = Duration.parse(opts.getOrDefault("grace", "PT10M"));
        } catch (RuntimeException e) {
            err.println("--grace is an ISO-8601 duration such as PT10M, not " + opts.get("grace"));
            return CANNOT_VERIFY;
        }
        return verify(dataSource, opts.containsKey("heads") ? Path.of(opts.get("heads")) : null, grace, out, err);
    }

    /** Verifies the chain in {@code dataSource} against the heads in {@code headsDir} (none when null). */
    static int verify(DataSource dataSource, Path headsDir, Duration grace, PrintStream out, PrintStream err) {
        HeadCheckpoints.Read heads = headsDir != null ? new HeadCheckpoints(headsDir).read()
                : new HeadCheckpoints.Read(List.of(), List.of());
        heads.unreadable().forEach(f -> err.println("not a checkpoint, not used: " + f));
        ChainVerifier.Verification v;
        try {
            var jdbc = JdbcClient.create(dataSource);
            var clock = Clock.systemUTC();
            var verifier = new ChainVerifier(jdbc, clock, new AuditChain(jdbc, clock, grace, dataSource));
            var tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            tx.setReadOnly(true);
            v = tx.execute(status -> verifier.verify(heads.checkpoints()));
        } catch (RuntimeException e) {
            err.println("cannot verify: " + e.getMessage());
            return CANNOT_VERIFY;
        }
        out.println("{\"entries\":" + v.entries() + ",\"valid\":" + v.valid() + ",\"firstBreak\":"
                + (v.firstBreak() == null ? "null" : "\"" + v.firstBreak() + "\"") + ",\"checkpoints\":"
                + heads.checkpoints().size() + "}");
        return v.valid() ? VALID : BROKEN;
    }
}
