package cn.jiandu.shared.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code Idempotency-Key} handling.
 *
 * @param retention  how long the first response is kept for replay (the draft's "24 hours")
 * @param waitForFirst how long a request with the key of one still running waits for it before answering 409
 * @param abandonAfter a record still unfinished after this long belongs to a request that died; it is taken over
 */
@ConfigurationProperties("jiandu.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention, @DefaultValue("20s") Duration waitForFirst,
        @DefaultValue("5m") Duration abandonAfter) {
}
