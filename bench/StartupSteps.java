import cn.jiandu.JianduApplication;
import java.util.Comparator;
import java.util.stream.StreamSupport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;

/**
 * Where does startup time go? Runs Jiandu with Spring's BufferingApplicationStartup and prints the slowest steps,
 * plus the time spent before the context is refreshed, in the refresh, and in the ApplicationRunners (demo data).
 * Used by bench/steps.sh; not part of the application.
 */
public class StartupSteps {

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        long[] started = new long[1];
        long[] ready = new long[1];
        SpringApplication app = new SpringApplication(JianduApplication.class);
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        app.setApplicationStartup(startup);
        app.addListeners(e -> {
            if (e instanceof ApplicationStartedEvent) {
                started[0] = System.nanoTime();
            } else if (e instanceof ApplicationReadyEvent) {
                ready[0] = System.nanoTime();
            }
        });
        var context = app.run(args);
        var events = startup.getBufferedTimeline().getEvents();
        System.out.println("\n=== slowest startup steps (ms, includes nested steps) ===");
        events.stream().sorted(Comparator.comparing(TimelineEvent::getDuration).reversed()).limit(40)
                .forEach(e -> System.out.printf("%7d  %s %s%n", e.getDuration().toMillis(), e.getStartupStep().getName(),
                        StreamSupport.stream(e.getStartupStep().getTags().spliterator(), false)
                                .map(t -> t.getKey() + "=" + t.getValue()).toList()));
        System.out.printf("%n=== phases (ms from main) ===%ncontext refreshed + web server up: %d%n"
                        + "ApplicationRunners (demo data, bootstrap): %d%ntotal to ready: %d%n",
                (started[0] - t0) / 1_000_000, (ready[0] - started[0]) / 1_000_000, (ready[0] - t0) / 1_000_000);
        context.close();
    }
}
