package cn.jiandu.sharing.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param binDays days a deleted file stays in the recycle bin before it is purged
 * @param maxRequestBytes largest file accepted in one multipart request
 * @param maxResumableBytes largest file accepted through the resumable (tus) endpoint
 * @param defaultQuotaBytes quota of a new space
 * @param uploadExpiry how long an unfinished resumable upload is kept
 */
@ConfigurationProperties("jiandu.sharing")
public record SharingProperties(@DefaultValue("30") int binDays, @DefaultValue("104857600") long maxRequestBytes,
        @DefaultValue("2147483648") long maxResumableBytes, @DefaultValue("21474836480") long defaultQuotaBytes,
        @DefaultValue("24h") Duration uploadExpiry) {
}
