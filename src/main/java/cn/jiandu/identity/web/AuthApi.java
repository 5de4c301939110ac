package cn.jiandu.identity.web;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.identity.security.BearerTokenFilter;
import cn.jiandu.identity.security.JianduUserDetails;
import cn.jiandu.identity.security.LoginThrottledException;
import cn.jiandu.identity.security.TokenService;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.time.ClockConfig;
import cn.jiandu.shared.web.ApiException;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth/token")
@Tag(name = "auth", description = "API tokens")
class AuthApi {

    private final AuthenticationManager authentication;
    private final TokenService tokens;
    private final AuditTrail audit;
    private final WebAuthenticationDetailsSource detailsSource = new WebAuthenticationDetailsSource();

    AuthApi(AuthenticationManager authentication, TokenService tokens, AuditTrail audit) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.audit = audit;
    }

    record Credentials(@NotBlank String username, @NotBlank String password) {
    }

    record TokenJson(String token, OffsetDateTime expiresAt) {
    }

    /** Wrong username and wrong password get the same 401, so the answer does not reveal who exists. */
    @PostMapping
    ResponseEntity<TokenJson> issue(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(credentials.username(),
                credentials.password());
        attempt.setDetails(detailsSource.buildDetails(request));
        JianduUserDetails user;
        try {
            user = (JianduUserDetails) authentication.authenticate(attempt).getPrincipal();
        } catch (LoginThrottledException e) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "auth.error.throttled", e.waitSeconds());
        } catch (AuthenticationException e) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "auth.error.badCredentials");
        }
        var issued = tokens.issue(user.jianduPrincipal().id());
        audit.recordAs(user.jianduPrincipal().id(), user.getUsername(), "auth.token.issue", "user",
                user.jianduPrincipal().id(), Outcome.SUCCESS, null);
        return ResponseEntity.ok(new TokenJson(issued.token(),
                issued.expiresAt().atZone(ClockConfig.ZONE).toOffsetDateTime()));
    }

    @DeleteMapping
    ResponseEntity<Void> revoke(JianduPrincipal me, HttpServletRequest request) {
        String token = BearerTokenFilter.tokenOf(request);
        if (token == null || !tokens.revoke(token)) {
            throw ApiException.notFound();
        }
        audit.record("auth.token.revoke", "user", me.id(), Outcome.SUCCESS, null);
        return ResponseEntity.noContent().build();
    }
}
