package cn.jiandu.notification;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jiandu.notification.outbox.*}: notifications that leave the building. Off by default; with
 * {@code enabled} set, each notification whose kind (its message key) matches a route is written to the outbox, in
 * the transaction of the change that caused it, once per target the route names, and sent by the outbox job.
 *
 * @param enabled write and send outgoing messages at all
 * @param baseUrl Jiandu's address as people outside reach it; a message links to {@code baseUrl + link}
 * @param locale the language of outgoing texts
 * @param perMinute messages a target takes per minute (the robots take about 20 per group, 钉钉 then blocks for
 *                  10 minutes); a burst beyond it is folded into one digest
 * @param maxAttempts attempts before a message is marked FAILED (and shown to the admin)
 * @param backoff the wait after the first failed attempt; doubled after each further one
 * @param maxBackoff the longest wait between attempts
 * @param lease how long a node's claim on a message lasts (a node that died mid-send gives it up after this)
 * @param deliverEvery the pause between two rounds of the outbox job (ISO-8601, e.g. {@code PT15S})
 * @param batch messages claimed per run
 * @param timeout connect and answer timeout of a webhook call
 * @param mailFrom the sender address of email messages
 * @param targets named targets: an email list, a 企业微信 group robot or a 钉钉 group robot
 * @param routes which kinds go to which targets; a kind ending in {@code *} is a prefix
 */
@ConfigurationProperties("jiandu.notification.outbox")
public record OutboxProperties(@DefaultValue("false") boolean enabled,
        @DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue("zh_CN") Locale locale,
        @DefaultValue("20") int perMinute, @DefaultValue("6") int maxAttempts, @DefaultValue("30s") Duration backoff,
        @DefaultValue("1h") Duration maxBackoff, @DefaultValue("2m") Duration lease, @DefaultValue("PT15S") Duration deliverEvery,
        @DefaultValue("100") int batch,
        @DefaultValue("10s") Duration timeout, @DefaultValue("jiandu@localhost") String mailFrom,
        Map<String, Target> targets, List<Route> routes) {

    public OutboxProperties {
        targets = targets == null ? Map.of() : Map.copyOf(targets);
        routes = routes == null ? List.of() : List.copyOf(routes);
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The targets a notification kind goes to, in route order, each once. */
    public List<String> targetsFor(String kind) {
        return routes.stream().filter(r -> r.matches(kind)).flatMap(r -> r.targets().stream()).distinct().toList();
    }

    /** How many messages per minute a target takes. */
    public int perMinuteOf(String target) {
        Target t = targets.get(target);
        return t != null && t.perMinute() != null ? t.perMinute() : perMinute;
    }

    public enum ChannelType { EMAIL, WECOM, DINGTALK }

    /**
     * @param type the channel
     * @param url the robot's webhook address (WECOM, DINGTALK)
     * @param secret the 钉钉 robot's signing secret ({@code SEC…}); the URL is signed when it is set
     * @param to email addresses (EMAIL)
     * @param perMinute this target's own rate, instead of the default
     */
    public record Target(ChannelType type, String url, String secret, List<String> to, Integer perMinute) {

        public Target {
            to = to == null ? List.of() : List.copyOf(to);
        }
    }

    public record Route(String kind, List<String> targets) {

        public Route {
            targets = targets == null ? List.of() : List.copyOf(targets);
        }

        boolean matches(String k) {
            return kind.endsWith("*") ? k.startsWith(kind.substring(0, kind.length() - 1)) : kind.equals(k);
        }
    }
}
