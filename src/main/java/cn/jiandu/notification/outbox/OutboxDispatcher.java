package cn.jiandu.notification.outbox;

import cn.jiandu.notification.OutboxProperties;
import cn.jiandu.notification.OutboxProperties.ChannelType;
import cn.jiandu.notification.OutboxProperties.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of the outbox: claim what is due, then per target send within its rate (a sliding minute); a burst
 * beyond the rate goes out as one digest in the last free slot, and a target whose minute is used up gets its
 * messages back untried until a slot frees. A failed attempt waits {@code backoff × 2^(attempts-1)} (at most
 * {@code maxBackoff}); after {@code maxAttempts} the message is FAILED, for the admin to see and retry.
 */
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final Duration WINDOW = Duration.ofMinutes(1);
    private final OutboxStore store;
    private final OutboxText text;
    private final OutboxProperties properties;
    private final Map<ChannelType, Channel> channels;
    private final Clock clock;

    public OutboxDispatcher(OutboxStore store, OutboxText text, OutboxProperties properties,
            Map<ChannelType, Channel> channels, Clock clock) {
        this.store = store;
        this.text = text;
        this.properties = properties;
        this.channels = Map.copyOf(channels);
        this.clock = clock;
    }

    /** Returns how many messages went out (a digest counts its folded messages). */
    public int deliverDue() {
        Instant now = clock.instant();
        List<OutboxMessage> claimed = store.claim(now, now.plus(properties.lease()), properties.batch());
        Map<String, List<OutboxMessage>> byTarget = new LinkedHashMap<>();
        claimed.forEach(m -> byTarget.computeIfAbsent(m.target(), t -> new java.util.ArrayList<>()).add(m));
        int delivered = 0;
        for (var entry : byTarget.entrySet()) {
            delivered += deliver(entry.getKey(), entry.getValue(), now);
        }
        return delivered;
    }

    private int deliver(String targetName, List<OutboxMessage> messages, Instant now) {
        List<Instant> recent = store.sendsSince(targetName, now.minus(WINDOW));
        int budget = properties.perMinuteOf(targetName) - recent.size();
        if (budget <= 0) {
            store.release(messages.stream().map(OutboxMessage::id).toList(), recent.get(0).plus(WINDOW));
            return 0;
        }
        int delivered = 0;
        int singles = messages.size() <= budget ? messages.size() : budget - 1;
        for (OutboxMessage m : messages.subList(0, singles)) {
            delivered += attempt(targetName, List.of(m), m.subject(), m.body(), null, now);
        }
        List<OutboxMessage> rest = messages.subList(singles, messages.size());
        if (!rest.isEmpty()) {
            delivered += attempt(targetName, rest, rest.get(0).subject(), text.digest(rest), rest.size(), now);
        }
        return delivered;
    }

    private int attempt(String targetName, List<OutboxMessage> messages, String subject, String body,
            Integer digestOf, Instant now) {
        Target target = properties.targets().get(targetName);
        try {
            if (target == null || target.type() == null) {
                throw new IllegalStateException("unknown target " + targetName);
            }
            channels.get(target.type()).send(target, subject, body);
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            for (OutboxMessage m : messages) {
                int attempts = m.attempts() + 1;
                boolean giveUp = attempts >= properties.maxAttempts();
                store.failed(m.id(), error, giveUp, now.plus(backoff(attempts)));
                if (giveUp) {
                    log.warn("outbox message {} to {} FAILED after {} attempts: {}", m.id(), targetName, attempts,
                            error);
                }
            }
            return 0;
        }
        store.sent(targetName, messages.stream().map(OutboxMessage::id).toList(), digestOf, now);
        return messages.size();
    }

    /** The wait after the given number of failed attempts. */
    Duration backoff(int attempts) {
        Duration wait = properties.backoff().multipliedBy(1L << Math.min(30, attempts - 1));
        return wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
    }
}
