package cn.jiandu.identity.domain;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.shared.security.Role;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

@Service
class JdbcUserDirectory implements UserDirectory {

    private final UserRepository users;

    JdbcUserDirectory(UserRepository users) {
        this.users = users;
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
