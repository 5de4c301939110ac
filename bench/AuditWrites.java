import java.lang.reflect.Method;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * Audit writes per second through Jiandu's own AuditTrail (its @Transactional proxy, one transaction per write, as
 * every module calls it), on the classes given on the class path: this checkout's (the chain linked after commit),
 * those of the commit before the chain (the baseline), or those of the chain linked inside the writer's
 * transaction (c841831..d3b2ed9). With a chain, also the seconds from the writers' end until every entry is linked. Migrates the (empty) database with the classes' own migrations.
 *
 *   java -cp <classes>:<dependencies> bench/AuditWrites.java <jdbc-url> <user> <threads> <seconds>
 *
 * Prints one line: threads, writes, seconds, writes per second, p50/p99 of a write in ms.
 */
public class AuditWrites {

    @Configuration
    @EnableTransactionManagement
    static class Wiring {
        static DataSource dataSource;

        @Bean
        DataSource dataSource() {
            return dataSource;
        }

        @Bean
        JdbcClient jdbcClient(DataSource ds) {
            return JdbcClient.create(ds);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource ds) {
            return new DataSourceTransactionManager(ds);
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    public static void main(String[] args) throws Exception {
        String url = args[0], user = args[1];
        int threads = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        var hikari = new com.zaxxer.hikari.HikariDataSource();
        hikari.setJdbcUrl(url);
        hikari.setUsername(user);
        hikari.setPassword("");
        hikari.setMaximumPoolSize(Math.max(threads, 2));
        Flyway.configure().dataSource(hikari).locations("classpath:db/migration").outOfOrder(true).load().migrate();
        Wiring.dataSource = hikari;

        var ctx = new AnnotationConfigApplicationContext();
        ctx.register(Wiring.class);
        Class<?> trailType = Class.forName("cn.jiandu.audit.AuditTrail");
        ctx.registerBean(trailType);
        ctx.getBeanFactory().setConversionService(
                org.springframework.boot.convert.ApplicationConversionService.getSharedInstance());
        String chained = "none";
        for (String type : new String[] {"cn.jiandu.audit.chain.AuditChain", "cn.jiandu.audit.chain.AuditChainer"}) {
            try {
                ctx.registerBean(Class.forName(type));
                chained = type.endsWith("Chainer") ? "after-commit" : "in-transaction";
            } catch (ClassNotFoundException notInTheseClasses) {
                // the baseline has no chain; the in-transaction chain has no chainer
            }
        }
        ctx.refresh();
        Object trail = ctx.getBean(trailType);
        Class<?> outcome = Class.forName("cn.jiandu.audit.Outcome");
        Object success = outcome.getEnumConstants()[0];
        Method recordAs = trailType.getMethod("recordAs", Long.class, String.class, String.class, String.class,
                Object.class, outcome, String.class);

        // warm-up: 3 s on one thread (JIT, pool, first append chains nothing old: the database is new)
        long warmEnd = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            recordAs.invoke(trail, 1L, "bench", "bench.write", "bench", 1, success, "warm-up");
        }

        AtomicLong writes = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[threads];
        var start = new CountDownLatch(1);
        var done = new CountDownLatch(threads);
        long[] deadline = new long[1];
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            int id = t;
            new Thread(() -> {
                try {
                    start.await();
                    int n = 0;
                    while (System.nanoTime() < deadline[0] && n < mine.length) {
                        long t0 = System.nanoTime();
                        recordAs.invoke(trail, (long) id, "bench-" + id, "bench.write", "bench", n, success,
                                "a detail of ordinary length, as problem.dispatch writes");
                        mine[n++] = System.nanoTime() - t0;
                        writes.incrementAndGet();
                    }
                    counts[id] = n;
                } catch (Exception e) {
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            }).start();
        }
        long t0 = System.nanoTime();
        deadline[0] = t0 + seconds * 1_000_000_000L;
        start.countDown();
        done.await();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        // with the chain linked after commit: how long until every entry written is linked
        long lagStart = System.nanoTime();
        var jdbc = JdbcClient.create(hikari);
        boolean hasChain = !chained.equals("none");
        long unlinked = 0;
        while (hasChain) {
            unlinked = jdbc.sql("SELECT COUNT(*) FROM audit_entry e WHERE NOT EXISTS "
                    + "(SELECT 1 FROM audit_chain c WHERE c.entry_id = e.id)").query(Long.class).single();
            if (unlinked == 0 || System.nanoTime() - lagStart > 120_000_000_000L) {
                break;
            }
            Thread.sleep(50);
        }
        double lag = (System.nanoTime() - lagStart) / 1e9;
        long[] all = java.util.stream.IntStream.range(0, threads)
                .mapToObj(i -> java.util.Arrays.stream(latencies.get(i), 0, counts[i]))
                .flatMapToLong(s -> s).sorted().toArray();
        System.out.printf("chain=%s threads=%d writes=%d seconds=%.1f writes/s=%.0f p50=%.2fms p99=%.2fms "
                        + "all-linked-after=%.2fs unlinked=%d%n",
                chained, threads, writes.get(), elapsed, writes.get() / elapsed,
                all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, lag, unlinked);
        ctx.close();
        hikari.close();
    }
}
