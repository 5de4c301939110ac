import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exam-start surge (bench/exam-surge.sh runs it): N candidates, each with a token made beforehand
 * ("benchtok-<n>"), start the same exam at a random moment within START_WINDOW seconds, then save one answer per
 * question at evenly spread moments over ANSWER_WINDOW seconds (with jitter), then submit. Every request is timed
 * from send to the last byte; any status other than the expected one is an error. Prints p50/p95/p99/max per kind.
 *
 * <pre>java bench/ExamSurge.java BASE_URL EXAM_ID N START_WINDOW ANSWER_WINDOW</pre>
 */
public class ExamSurge {

    static final Pattern ATTEMPT = Pattern.compile("\"attemptId\":\"(\\d+)\"");
    static final Pattern QUESTION = Pattern.compile("\\{\"id\":\"(\\d+)\",\"type\":\"(\\w+)\"");
    static final Pattern FIRST_KEY = Pattern.compile("\"options\":\\[\\{\"key\":\"([^\"]+)\"");

    static final Map<String, List<Long>> TIMES = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> ERRORS = new ConcurrentHashMap<>();
    static final Map<String, String> FIRST_ERROR = new ConcurrentHashMap<>();
    static final AtomicInteger SAVED = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String exam = args[1];
        int n = Integer.parseInt(args[2]);
        int startWindow = Integer.parseInt(args[3]);
        int answerWindow = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(8)).build();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        CountDownLatch done = new CountDownLatch(n);
        Random random = new Random(42);
        long t0 = System.nanoTime();
        for (int i = 1; i <= n; i++) {
            String token = "benchtok-" + i;
            long startAt = (long) (random.nextDouble() * startWindow * 1000);
            long seed = random.nextLong();
            clock.schedule(() -> start(http, clock, base, exam, token, answerWindow, new Random(seed), done),
                    startAt, TimeUnit.MILLISECONDS);
        }
        boolean finished = done.await(startWindow + answerWindow + 600L, TimeUnit.SECONDS);
        long wall = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("candidates %d, finished %s, wall %.1f s, answers acknowledged %d%n", n, finished,
                wall / 1000.0, SAVED.get());
        for (String kind : List.of("start", "answer", "submit")) {
            List<Long> t = new ArrayList<>(TIMES.getOrDefault(kind, List.of()));
            Collections.sort(t);
            int errors = ERRORS.getOrDefault(kind, new AtomicInteger()).get();
            if (t.isEmpty()) {
                System.out.printf("%-7s 0 ok, %d errors %s%n", kind, errors, FIRST_ERROR.getOrDefault(kind, ""));
                continue;
            }
            System.out.printf("%-7s %7d ok %5d errors  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %7.1f ms %s%n",
                    kind, t.size(), errors, pct(t, 50), pct(t, 95), pct(t, 99), t.get(t.size() - 1) / 1000.0,
                    FIRST_ERROR.getOrDefault(kind, ""));
        }
        clock.shutdownNow();
        System.exit(0);
    }

    static double pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1000.0;
    }

    static void record(String kind, long startNanos) {
        TIMES.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>()))
                .add((System.nanoTime() - startNanos) / 1000);
    }

    static void error(String kind, String what) {
        ERRORS.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        FIRST_ERROR.putIfAbsent(kind, what.length() > 200 ? what.substring(0, 200) : what);
    }

    static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    static void start(HttpClient http, ScheduledExecutorService clock, String base, String exam, String token,
            int answerWindow, Random random, CountDownLatch done) {
        long t = System.nanoTime();
        http.sendAsync(request(base + "/api/v1/exams/" + exam + "/attempts", token)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                .whenComplete((resp, ex) -> {
                    if (ex != null || (resp.statusCode() != 201 && resp.statusCode() != 200)) {
                        error("start", ex != null ? ex.toString() : resp.statusCode() + " " + resp.body());
                        done.countDown();
                        return;
                    }
                    record("start", t);
                    String body = resp.body();
                    Matcher a = ATTEMPT.matcher(body);
                    a.find();
                    String attempt = a.group(1);
                    List<String[]> questions = new ArrayList<>();
                    Matcher q = QUESTION.matcher(body);
                    while (q.find()) {
                        String key = switch (q.group(2)) {
                            case "TRUE_FALSE" -> "true";
                            case "FILL" -> "八项规定";
                            default -> {
                                Matcher k = FIRST_KEY.matcher(body);
                                yield k.find(q.end()) ? k.group(1) : "A";
                            }
                        };
                        questions.add(new String[] {q.group(1), key});
                    }
                    double step = answerWindow * 1000.0 / questions.size();
                    AtomicInteger left = new AtomicInteger(questions.size());
                    for (int i = 0; i < questions.size(); i++) {
                        String[] item = questions.get(i);
                        long at = (long) (i * step + random.nextDouble() * step);
                        clock.schedule(() -> answer(http, base, token, attempt, item, () -> {
                            if (left.decrementAndGet() == 0) {
                                submit(http, base, token, attempt, done);
                            }
                        }), at, TimeUnit.MILLISECONDS);
                    }
                });
    }

    static void answer(HttpClient http, String base, String token, String attempt, String[] item, Runnable then) {
        long t = System.nanoTime();
        String body = "{\"answer\":[\"" + item[1] + "\"],\"seq\":1}";
        http.sendAsync(request(base + "/api/v1/attempts/" + attempt + "/answers/" + item[0], token)
                        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString())
                .whenComplete((resp, ex) -> {
                    if (ex != null || resp.statusCode() != 204) {
                        error("answer", ex != null ? ex.toString() : resp.statusCode() + " " + resp.body());
                    } else {
                        record("answer", t);
                        SAVED.incrementAndGet();
                    }
                    then.run();
                });
    }

    static void submit(HttpClient http, String base, String token, String attempt, CountDownLatch done) {
        long t = System.nanoTime();
        http.sendAsync(request(base + "/api/v1/attempts/" + attempt + "/submit", token)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                .whenComplete((resp, ex) -> {
                    if (ex != null || resp.statusCode() != 200) {
                        error("submit", ex != null ? ex.toString() : resp.statusCode() + " " + resp.body());
                    } else {
                        record("submit", t);
                    }
                    done.countDown();
                });
    }
}
