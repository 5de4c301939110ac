package cn.jiandu.identity.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.seed.SeedStep;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The way back into a locked-out installation (every admin disabled, forgotten or without the role): start Jiandu
 * once with {@code --jiandu.identity.recover-admin.username=NAME} (and {@code ...password=...}, required when the
 * account does not exist). At start the account is enabled, given ADMIN and, with a password, made to change it at
 * the next sign-in; an unknown name is created in the root unit. Every recovery is in the audit trail
 * ({@code user.recoverAdmin}) and logged as a warning; remove the setting afterwards.
 */
@Component
public class AdminRecovery implements SeedStep {

    private static final Logger log = LoggerFactory.getLogger(AdminRecovery.class);

    private final UserRepository users;
    private final OrgDirectory org;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final String username;
    private final String password;

    AdminRecovery(UserRepository users, OrgDirectory org, PasswordEncoder encoder, AuditTrail audit,
            @Value("${jiandu.identity.recover-admin.username:}") String username,
            @Value("${jiandu.identity.recover-admin.password:}") String password) {
        this.users = users;
        this.org = org;
        this.encoder = encoder;
        this.audit = audit;
        this.username = username;
        this.password = password;
    }

    @Override
    public String name() {
        return "identity.recover-admin";
    }

    @Override
    public Set<String> after() {
        return Set.of("identity.bootstrap-admin");
    }

    @Override
    public void run() {
        if (!username.isBlank()) {
            recover(username.strip(), password.isBlank() ? null : password);
        }
    }

    /** Enables (or creates) {@code name} as an admin; {@code newPassword} null keeps an existing password. */
    @Transactional
    public void recover(String name, String newPassword) {
        if (newPassword != null) {
            PasswordPolicy.check("jiandu.identity.recover-admin.password", newPassword);
        }
        var existing = users.findByUsername(name);
        if (existing.isPresent()) {
            User u = existing.get();
            u.setEnabled(true);
            if (newPassword != null) {
                u.resetPassword(encoder.encode(newPassword));
            }
            users.update(u);
            users.addRole(u.id(), Role.ADMIN);
            audit.recordAs(null, "recover-admin", "user.recoverAdmin", "user", u.id(), Outcome.SUCCESS,
                    name + (newPassword != null ? " enabled, ADMIN, password reset" : " enabled, ADMIN"));
            log.warn("Admin recovery: account '{}' enabled and given ADMIN{}; remove jiandu.identity.recover-admin.*",
                    name, newPassword != null ? ", password reset (to be changed at sign-in)" : "");
            return;
        }
        if (newPassword == null) {
            throw new IllegalStateException("jiandu.identity.recover-admin.username '" + name
                    + "' does not exist: set jiandu.identity.recover-admin.password to create it");
        }
        long root = org.all().stream().filter(u -> u.parentId() == null).map(OrgUnitView::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("no root org unit"));
        User created = users.insert(new User(null, name, "系统管理员", root, null, encoder.encode(newPassword),
                EnumSet.of(Role.ADMIN), true, true));
        audit.recordAs(null, "recover-admin", "user.recoverAdmin", "user", created.id(), Outcome.SUCCESS,
                name + " created, ADMIN");
        log.warn("Admin recovery: account '{}' created as ADMIN (password to be changed at sign-in); remove "
                + "jiandu.identity.recover-admin.*", name);
    }
}
