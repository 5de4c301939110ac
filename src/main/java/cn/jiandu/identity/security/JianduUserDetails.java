package cn.jiandu.identity.security;

import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.PrincipalCarrier;
import cn.jiandu.shared.security.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** Spring Security's view of a user; carries the {@link JianduPrincipal} the modules use. */
public final class JianduUserDetails implements UserDetails, CredentialsContainer, PrincipalCarrier {

    private static final long serialVersionUID = 1L;
    private final JianduPrincipal principal;
    private String passwordHash;
    private final boolean enabled;

    public JianduUserDetails(JianduPrincipal principal, String passwordHash, boolean enabled) {
        this.principal = principal;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    public static List<GrantedAuthority> authoritiesOf(JianduPrincipal p) {
        List<GrantedAuthority> out = new ArrayList<>();
        for (Role r : p.roles()) {
            out.add(new SimpleGrantedAuthority("ROLE_" + r.name()));
        }
        for (String code : p.permissions()) {
            out.add(new SimpleGrantedAuthority(code));
        }
        return out;
    }

    @Override
    public JianduPrincipal jianduPrincipal() {
        return principal;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authoritiesOf(principal);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return principal.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JianduUserDetails other && other.principal.id() == principal.id();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(principal.id());
    }

    @Override
    public String toString() {
        return principal.username();
    }
}
