package cn.jiandu.identity.security;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins: try again in {@link #waitSeconds()}. */
public class LoginThrottledException extends AuthenticationException {

    private final long waitSeconds;

    public LoginThrottledException(long waitSeconds) {
        super("throttled for " + waitSeconds + " s");
        this.waitSeconds = waitSeconds;
    }

    public long waitSeconds() {
        return waitSeconds;
    }
}
