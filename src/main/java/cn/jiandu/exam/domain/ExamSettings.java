package cn.jiandu.exam.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jiandu.exam.*}.
 *
 * @param saveGrace      how long after the deadline an answer still in flight is accepted (the request left the
 *                       phone before the deadline; the server's clock decides)
 * @param prepareAhead   how long before an exam opens the candidates' papers are assembled, so that a start only
 *                       opens one
 * @param prepareBatch   candidates assembled per transaction
 */
@ConfigurationProperties("jiandu.exam")
public record ExamSettings(@DefaultValue("10s") Duration saveGrace, @DefaultValue("24h") Duration prepareAhead,
        @DefaultValue("200") int prepareBatch) {
}
