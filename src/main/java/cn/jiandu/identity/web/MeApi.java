package cn.jiandu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import cn.jiandu.identity.domain.UserService;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "me", description = "the calling user")
class MeApi {

    private final UserService users;

    MeApi(UserService users) {
        this.users = users;
    }

    record MeJson(String id, String username, String displayName, String orgUnitId, List<Role> roles,
            boolean mustChangePassword) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    @GetMapping
    MeJson me(JianduPrincipal me) {
        return new MeJson(String.valueOf(me.id()), me.username(), me.displayName(), String.valueOf(me.orgUnitId()),
                me.roles().stream().sorted().toList(), me.mustChangePassword());
    }

    @PutMapping("/password")
    ResponseEntity<Void> changePassword(JianduPrincipal me, @RequestBody PasswordChange change,
            HttpServletRequest request) {
        String auth = request.getHeader("Authorization");
        String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).strip() : null;
        var session = request.getSession(false);
        users.changeOwnPassword(me.id(), change.currentPassword(), change.newPassword(),
                session == null ? null : session.getId(), token);
        return ResponseEntity.noContent().build();
    }
}
