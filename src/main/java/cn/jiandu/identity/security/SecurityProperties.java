package cn.jiandu.identity.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jiandu.security.*}.
 *
 * @param sessionAbsoluteTimeout a session ends this long after login, however active
 * @param tokenTtl lifetime of an API bearer token
 * @param allowDemoOnPostgres lets the demo profile run on PostgreSQL (tests only)
 * @param throttleFreeFailures failed logins allowed before any delay
 * @param throttleMaxDelay the longest delay; a delay, never a lockout
 */
@ConfigurationProperties("jiandu.security")
public record SecurityProperties(@DefaultValue("12h") Duration sessionAbsoluteTimeout,
        @DefaultValue("8h") Duration tokenTtl, @DefaultValue("false") boolean allowDemoOnPostgres,
        @DefaultValue("3") int throttleFreeFailures, @DefaultValue("60s") Duration throttleMaxDelay) {
}
