package cn.jiandu.identity.domain;

import cn.jiandu.shared.seed.SeedStep;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.security.Role;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outside the demo, the first admin comes from configuration ({@code jiandu.identity.bootstrap-admin.*}, normally
 * environment variables) and only while there are no users at all. He must change the password at first login.
 */
@Component
class BootstrapAdmin implements SeedStep {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    private final UserRepository users;
    private final OrgDirectory org;
    private final PasswordEncoder encoder;
    private final String username;
    private final String password;
    private final String displayName;
    private final String rootName;

    BootstrapAdmin(UserRepository users, OrgDirectory org, PasswordEncoder encoder,
            @Value("${jiandu.identity.bootstrap-admin.username:}") String username,
            @Value("${jiandu.identity.bootstrap-admin.password:}") String password,
            @Value("${jiandu.identity.bootstrap-admin.display-name:系统管理员}") String displayName,
            @Value("${jiandu.org.root-name:公司}") String rootName) {
        this.users = users;
        this.org = org;
        this.encoder = encoder;
        this.username = username;
        this.password = password;
        this.displayName = displayName;
        this.rootName = rootName;
    }

    @Override
    public String name() {
        return "identity.bootstrap-admin";
    }

    @Override
    public Set<String> after() {
        return Set.of("org.root");
    }

    @Override
    @Transactional
    public void run() {
        if (users.count() > 0) {
            return;
        }
        if (username.isBlank() || password.isBlank()) {
            log.warn("No users and no jiandu.identity.bootstrap-admin.username/password configured: nobody can sign in");
            return;
        }
        PasswordPolicy.check("jiandu.identity.bootstrap-admin.password", password);
        long root = org.all().stream().filter(u -> u.parentId() == null).map(OrgUnitView::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("no root org unit"));
        users.insert(new User(null, username, displayName, root, null, encoder.encode(password), Set.of(Role.ADMIN),
                true, true));
        log.info("Created the first admin account '{}'", username);
    }

}
