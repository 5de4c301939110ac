package cn.jiandu.identity.security;

import cn.jiandu.identity.domain.User;
import cn.jiandu.identity.domain.UserRepository;
import cn.jiandu.shared.security.JianduPrincipal;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
public class JianduUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    JianduUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public JianduUserDetails loadUserByUsername(String username) {
        return users.findByUsername(username).map(JianduUserDetailsService::details)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    public static JianduPrincipal principalOf(User u) {
        return new JianduPrincipal(u.id(), u.username(), u.displayName(), u.orgUnitId(), u.roles(),
                u.mustChangePassword());
    }

    static JianduUserDetails details(User u) {
        return new JianduUserDetails(principalOf(u), u.passwordHash(), u.enabled());
    }
}
