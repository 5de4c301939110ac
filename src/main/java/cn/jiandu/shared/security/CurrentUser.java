package cn.jiandu.shared.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the calling principal from the security context. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<JianduPrincipal> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return Optional.empty();
        }
        Object p = auth.getPrincipal();
        if (p instanceof JianduPrincipal jp) {
            return Optional.of(jp);
        }
        if (p instanceof PrincipalCarrier carrier) {
            return Optional.of(carrier.jianduPrincipal());
        }
        return Optional.empty();
    }

    public static JianduPrincipal require() {
        return find().orElseThrow(() -> new IllegalStateException("no authenticated Jiandu principal"));
    }
}
