package cn.jiandu.identity;

import cn.jiandu.identity.domain.User;
import cn.jiandu.identity.domain.UserRepository;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.shared.security.Role;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Users of one test each (unique names in 网络部, password {@link #PASSWORD}), so no test shares another's state. */
record ThrowawayUsers(UserRepository users, OrgDirectory units, PasswordEncoder encoder) {

    static final String PASSWORD = "Start1234x";

    User create(String prefix, String displayName, Role role, boolean mustChangePassword) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return users.insert(new User(null, name, displayName, units.findByName("网络部").orElseThrow().id(), null,
                encoder.encode(PASSWORD), Set.of(role), true, mustChangePassword));
    }
}
