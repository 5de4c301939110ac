package cn.jiandu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.notification.OutboxProperties.ChannelType;
import cn.jiandu.notification.OutboxProperties.Route;
import cn.jiandu.notification.OutboxProperties.Target;
import cn.jiandu.notification.outbox.Channel;
import cn.jiandu.notification.outbox.EmailChannel;
import cn.jiandu.notification.outbox.OutboxDispatcher;
import cn.jiandu.notification.outbox.OutboxRecorder;
import cn.jiandu.notification.outbox.OutboxStore;
import cn.jiandu.notification.outbox.OutboxText;
import cn.jiandu.notification.outbox.RobotChannel;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox on the application's database, its texts and its adapters against a real SMTP server (GreenMail) and a
 * local robot endpoint. The application's own job does not run in the tests (its interval is a day): each test
 * builds a dispatcher over the same store with targets pointing at its servers and a clock it moves.
 */
@IntegrationTest
class OutboxTests {

    static final String REPORTER = "举报人王某某";
    static final String CLUE = "线索：某站长虚报加油卡";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboxStore store;
    @Autowired
    MessageSource messages;

    final MovableClock clock = new MovableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    RobotEndpoint robot;
    GreenMail smtp;

    @BeforeEach
    void servers() throws Exception {
        robot = new RobotEndpoint();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // what an earlier test left undelivered is not this test's business
        jdbc.sql("UPDATE outbox_message SET status = 'FAILED' WHERE status IN ('PENDING', 'SENDING')").update();
    }

    @AfterEach
    void stop() {
        robot.close();
        smtp.stop();
    }

    @Test
    void messagesAreWrittenInTheTransactionOfTheChangeAndOnlyWithIt() {
        String kept = "/problems/" + System.nanoTime();
        tx.executeWithoutResult(s -> events.publishEvent(new NotificationRequested(List.of(1L),
                "outbox.test.committed", List.of(REPORTER, CLUE), kept)));
        assertThat(rowsLinking(kept)).as("committed with the change").isEqualTo(1);

        String dropped = "/problems/" + System.nanoTime();
        tx.executeWithoutResult(s -> {
            events.publishEvent(new NotificationRequested(List.of(1L), "outbox.test.rolledBack", List.of(), dropped));
            assertThat(rowsLinking(dropped)).as("inside the transaction already").isEqualTo(1);
            s.setRollbackOnly();
        });
        assertThat(rowsLinking(dropped)).as("rolled back with the change").isZero();

        String unrouted = "/problems/" + System.nanoTime();
        tx.executeWithoutResult(s -> events.publishEvent(new NotificationRequested(List.of(1L),
                "problem.notify.dispatched", List.of("P-1", CLUE), unrouted)));
        assertThat(rowsLinking(unrouted)).as("a kind without a route stays in the building").isZero();
        assertThat(robot.calls.get()).as("nothing is sent while the change commits").isZero();
    }

    @Test
    void robotAndEmailMessagesNeverCarryTheReporterOrTheClue() throws Exception {
        String secret = "SEC" + UUID.randomUUID().toString().replace("-", "");
        robot.dingSecret = secret;
        Map<String, Target> targets = Map.of(
                "wecom", new Target(ChannelType.WECOM, robot.url("/cgi-bin/webhook/send?key=k1"), null, null, null),
                "ding", new Target(ChannelType.DINGTALK, robot.url("/robot/send?access_token=t1"), secret, null, null),
                "mail", new Target(ChannelType.EMAIL, null, null, List.of("jiwei@jiandu.example"), null));
        OutboxProperties props = props(targets, List.of(new Route("problem.notify.*", List.of("wecom", "ding", "mail"))),
                20);
        long problem = System.nanoTime();
        tx.executeWithoutResult(s -> recorder(props).on(new NotificationRequested(List.of(7L),
                "problem.notify.dispatched", List.of(REPORTER, CLUE), "/problems/" + problem)));

        assertThat(dispatcher(props).deliverDue()).isEqualTo(3);

        assertThat(robot.refused).isEmpty();
        assertThat(robot.received).hasSize(2);
        RobotEndpoint.Received ding = robot.received.stream().filter(r -> r.path().equals("/robot/send"))
                .findFirst().orElseThrow();
        assertThat(ding.query()).containsKeys("access_token", "timestamp", "sign");
        assertThat(ding.query().get("sign"))
                .isEqualTo(RobotEndpoint.expectedSign(ding.query().get("timestamp"), secret));
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("jiwei@jiandu.example");
        assertThat(mails[0].getSubject()).isEqualTo("监督平台消息");
        List<String> texts = new ArrayList<>(robot.received.stream().map(RobotEndpoint.Received::content).toList());
        texts.add(GreenMailUtil.getBody(mails[0]));
        for (String text : texts) {
            assertThat(text).doesNotContain(REPORTER).doesNotContain("王某某").doesNotContain(CLUE)
                    .doesNotContain("加油卡");
        }
        assertThat(robot.received.get(0).content()).contains("有新分办的问题")
                .contains("https://jiandu.example/problems/" + problem);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE body LIKE :p AND status = 'SENT'")
                .param("p", "%/problems/" + problem).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aWrongDingTalkSignatureIsRefusedByTheEndpointAndRetried() {
        robot.dingSecret = "SECright";
        OutboxProperties props = props(Map.of("ding", new Target(ChannelType.DINGTALK,
                robot.url("/robot/send?access_token=t2"), "SECwrong", null, null)),
                List.of(new Route("outbox.test.sign", List.of("ding"))), 20);
        tx.executeWithoutResult(s -> recorder(props).on(new NotificationRequested(List.of(1L), "outbox.test.sign",
                List.of(), "/inbox")));
        assertThat(dispatcher(props).deliverDue()).isZero();
        assertThat(robot.refused).containsExactly("sign not match");
        assertThat(jdbc.sql("SELECT last_error FROM outbox_message WHERE target = 'ding' AND status = 'PENDING'")
                .query(String.class).single()).contains("310000");
    }

    @Test
    void aWebhookAnswering500IsRetriedWithBackoffThenFailedAndShownToTheAdmin() throws Exception {
        robot.status = 500;
        OutboxProperties props = props(Map.of("down", new Target(ChannelType.WECOM,
                robot.url("/cgi-bin/webhook/send?key=down"), null, null, null)),
                List.of(new Route("outbox.test.down", List.of("down"))), 20);
        String link = "/problems/" + System.nanoTime();
        tx.executeWithoutResult(s -> recorder(props).on(new NotificationRequested(List.of(1L), "outbox.test.down",
                List.of(), link)));
        long id = jdbc.sql("SELECT id FROM outbox_message WHERE body LIKE :l").param("l", "%" + link)
                .query(Long.class).single();
        OutboxDispatcher dispatcher = dispatcher(props);
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 4; attempt++) {
            Instant before = clock.instant();
            dispatcher.deliverDue();
            assertThat(dispatcher.deliverDue()).as("not again before the backoff").isZero();
            var row = store.find(id);
            assertThat(row.attempts()).isEqualTo(attempt);
            assertThat(row.lastError()).contains("HTTP 500");
            if (attempt < 4) {
                assertThat(row.status().name()).isEqualTo("PENDING");
                waits.add(Duration.between(before, row.nextAttemptAt()));
                clock.set(row.nextAttemptAt());
            } else {
                assertThat(row.status().name()).isEqualTo("FAILED");
            }
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40));
        assertThat(robot.calls.get()).isEqualTo(4);

        mvc.perform(Api.as(mvc, "admin", get("/api/v1/admin/outbox").param("status", "FAILED")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == '" + id + "')].lastError").value("IllegalStateException: HTTP 500: "
                        + "{\"errcode\":-1,\"errmsg\":\"system busy\"}"))
                .andExpect(jsonPath("$.items[?(@.id == '" + id + "')].attempts").value(4));
        mvc.perform(Api.as(mvc, "handler1", get("/api/v1/admin/outbox"))).andExpect(status().isForbidden());
        mvc.perform(Api.as(mvc, "admin", get("/api/v1/admin/outbox").param("status", "NOPE")))
                .andExpect(status().isBadRequest());

        robot.status = 200;
        mvc.perform(Api.as(mvc, "admin", post("/api/v1/admin/outbox/" + id + "/retry")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PENDING"));
        mvc.perform(Api.as(mvc, "admin", post("/api/v1/admin/outbox/" + id + "/retry")))
                .andExpect(status().isConflict());
        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        assertThat(store.find(id).status().name()).isEqualTo("SENT");
    }

    @Test
    void aBurstBeyondTheRateIsFoldedIntoOneDigestAndAFullMinuteWaits() {
        OutboxProperties props = props(Map.of("group", new Target(ChannelType.WECOM,
                robot.url("/cgi-bin/webhook/send?key=burst"), null, null, null)),
                List.of(new Route("outbox.test.burst", List.of("group"))), 5);
        OutboxRecorder recorder = recorder(props);
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 12; i++) {
                recorder.on(new NotificationRequested(List.of(1L), "outbox.test.burst", List.of(), "/problems/" + i));
            }
        });
        OutboxDispatcher dispatcher = dispatcher(props);
        assertThat(dispatcher.deliverDue()).isEqualTo(12);
        assertThat(robot.received).as("4 alone and the other 8 in one digest: 5 sends, the rate").hasSize(5);
        String digest = robot.received.get(4).content();
        assertThat(digest).contains("8 条新消息").contains("/problems/4").contains("/problems/11");

        tx.executeWithoutResult(s -> recorder.on(new NotificationRequested(List.of(1L), "outbox.test.burst",
                List.of(), "/problems/late")));
        clock.advance(Duration.ofSeconds(30));
        assertThat(dispatcher.deliverDue()).as("the minute is used up").isZero();
        assertThat(robot.received).hasSize(5);
        clock.advance(Duration.ofSeconds(31));
        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        assertThat(robot.received).hasSize(6);
        assertThat(robot.received.get(5).content()).contains("/problems/late");
    }

    @Test
    void twoNodesDeliveringAtOnceNeverSendAMessageTwice() throws Exception {
        OutboxProperties props = props(Map.of("race", new Target(ChannelType.WECOM,
                robot.url("/cgi-bin/webhook/send?key=race"), null, null, 1000)),
                List.of(new Route("outbox.test.race", List.of("race"))), 1000);
        OutboxRecorder recorder = recorder(props);
        int n = 60;
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < n; i++) {
                recorder.on(new NotificationRequested(List.of(1L), "outbox.test.race", List.of(), "/race/" + i));
            }
        });
        OutboxProperties small = new OutboxProperties(true, props.baseUrl(), props.locale(), 1000, 3,
                props.backoff(), props.maxBackoff(), props.lease(), props.deliverEvery(), 7, props.timeout(),
                props.mailFrom(), props.targets(), props.routes());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> nodes = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                OutboxDispatcher d = dispatcher(small);
                nodes.add(pool.submit(() -> {
                    start.await();
                    int sent = 0;
                    for (int round = 0; round < 20; round++) {
                        sent += d.deliverDue();
                    }
                    return sent;
                }));
            }
            start.countDown();
            int total = nodes.get(0).get() + nodes.get(1).get();
            assertThat(total).isEqualTo(n);
        } finally {
            pool.shutdown();
        }
        List<String> contents = robot.received.stream().map(RobotEndpoint.Received::content).toList();
        assertThat(contents).hasSize(n).doesNotHaveDuplicates();
    }

    @Test
    void aClaimedMessageIsNotClaimedAgainUntilItsLeaseLapses() {
        OutboxProperties props = props(Map.of(), List.of(), 20);
        store.enqueue("outbox.test.lease", "nobody", "s", "lease-" + System.nanoTime(), clock.instant());
        Instant now = clock.instant();
        assertThat(store.claim(now, now.plusSeconds(120), 10)).hasSize(1);
        assertThat(store.claim(now.plusSeconds(60), now.plusSeconds(180), 10)).as("leased").isEmpty();
        assertThat(store.claim(now.plusSeconds(121), now.plusSeconds(240), 10)).as("a dead node's lease lapsed")
                .hasSize(1);
        assertThat(props.enabled()).isTrue();
    }

    private long rowsLinking(String link) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE body LIKE :l").param("l", "%" + link)
                .query(Long.class).single();
    }

    private OutboxProperties props(Map<String, Target> targets, List<Route> routes, int perMinute) {
        return new OutboxProperties(true, "https://jiandu.example", Locale.SIMPLIFIED_CHINESE, perMinute, 4,
                Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofMinutes(2), Duration.ofSeconds(15), 100,
                Duration.ofSeconds(5), "jiandu@jiandu.example", targets, routes);
    }

    private OutboxRecorder recorder(OutboxProperties props) {
        return new OutboxRecorder(store, new OutboxText(messages, props), props, clock);
    }

    private OutboxDispatcher dispatcher(OutboxProperties props) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.getSmtp().getPort());
        Channel robots = new RobotChannel(Duration.ofSeconds(5), Clock.systemUTC());
        return new OutboxDispatcher(store, new OutboxText(messages, props), props, Map.of(ChannelType.EMAIL,
                new EmailChannel(mail, props.mailFrom()), ChannelType.WECOM, robots, ChannelType.DINGTALK, robots),
                clock);
    }

    static final class MovableClock extends Clock {

        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant i) {
            now.set(i);
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
