package cn.jiandu.identity.domain;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.security.RolePermissions;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

@Service
class JdbcUserDirectory implements UserDirectory {

    private final UserRepository users;
    private final RolePermissions permissions;

    JdbcUserDirectory(UserRepository users, RolePermissions permissions) {
        this.users = users;
        this.permissions = permissions;
    }

    @Override
    public Optional<JianduPrincipal> principal(long id) {
        return users.findById(id).filter(User::enabled).map(u -> new JianduPrincipal(u.id(), u.username(),
                u.displayName(), u.orgUnitId(), u.roles(), u.mustChangePassword(), permissions.codesOf(u.roles())));
    }

    @Override
    public Optional<UserView> find(long id) {
        return users.findById(id).map(JdbcUserDirectory::view);
    }

    @Override
    public Optional<UserView> findByUsername(String username) {
        return users.findByUsername(username).map(JdbcUserDirectory::view);
    }

    @Override
    public List<UserView> withRole(Role role) {
        return users.withRole(role, null).stream().map(JdbcUserDirectory::view).toList();
    }

    @Override
    public List<UserView> inUnitWithRole(long orgUnitId, Role role) {
        return users.withRole(role, orgUnitId).stream().map(JdbcUserDirectory::view).toList();
    }

    @Override
    public Map<Long, String> displayNames(Collection<Long> ids) {
        return users.findAllById(ids).stream().collect(Collectors.toMap(User::id, User::displayName));
    }

    static UserView view(User u) {
        return new UserView(u.id(), u.username(), u.displayName(), u.orgUnitId(), u.mobile(), u.roles(), u.enabled());
    }
}
