package cn.jiandu.identity.security;

import cn.jiandu.identity.domain.User;
import cn.jiandu.identity.domain.UserRepository;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.RolePermissions;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
public class JianduUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final RolePermissions permissions;

    JianduUserDetailsService(UserRepository users, RolePermissions permissions) {
        this.users = users;
        this.permissions = permissions;
    }

    @Override
    public JianduUserDetails loadUserByUsername(String username) {
        return users.findByUsername(username).map(this::details)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    public JianduPrincipal principalOf(User u) {
        return new JianduPrincipal(u.id(), u.username(), u.displayName(), u.orgUnitId(), u.roles(),
                u.mustChangePassword(), permissions.codesOf(u.roles()));
    }

    JianduUserDetails details(User u) {
        return new JianduUserDetails(principalOf(u), u.passwordHash(), u.enabled());
    }
}
