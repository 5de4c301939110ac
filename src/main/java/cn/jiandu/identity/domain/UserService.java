package cn.jiandu.identity.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.identity.security.TokenService;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.shared.security.CurrentUser;
import cn.jiandu.shared.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import cn.jiandu.identity.security.LoginThrottle;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Account administration and the user's own password change. Every change is audited. */
@Service
public class UserService {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,64}");
    static final Pattern MOBILE = Pattern.compile("1\\d{10}");

    private final UserRepository users;
    private final OrgDirectory org;
    private final PasswordEncoder encoder;
    private final TokenService tokens;
    private final SessionRevoker sessions;
    private final LoginThrottle throttle;
    private final AuditTrail audit;

    UserService(UserRepository users, OrgDirectory org, PasswordEncoder encoder, TokenService tokens,
            SessionRevoker sessions, AuditTrail audit, LoginThrottle throttle) {
        this.throttle = throttle;
        this.users = users;
        this.org = org;
        this.encoder = encoder;
        this.tokens = tokens;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** Checks a command's fields; throws 400 naming the first bad field. Used by create and update. */
    public void validate(UserCommand c, boolean creating) {
        List<Refusal.FieldError> problems = problems(c, creating);
        if (!problems.isEmpty()) {
            Refusal.FieldError first = problems.get(0);
            throw Refusal.invalidField(first.field(), first.messageKey(), first.args());
        }
    }

    /** Every bad field of a command (empty if it is fine); the import reports them all at once. */
    public List<Refusal.FieldError> problems(UserCommand c, boolean creating) {
        List<Refusal.FieldError> out = new ArrayList<>();
        if (creating && (c.username() == null || !USERNAME.matcher(c.username()).matches())) {
            out.add(new Refusal.FieldError("username", "user.error.username"));
        }
        if (c.displayName() == null || c.displayName().isBlank() || c.displayName().length() > 64) {
            out.add(new Refusal.FieldError("displayName", "error.required"));
        }
        if (org.find(c.orgUnitId()).isEmpty()) {
            out.add(new Refusal.FieldError("orgUnitId", "org.error.unknown"));
        }
        if (c.mobile() != null && !c.mobile().isBlank() && !MOBILE.matcher(c.mobile().strip()).matches()) {
            out.add(new Refusal.FieldError("mobile", "user.error.mobile"));
        }
        if (c.roles() == null || c.roles().isEmpty()) {
            out.add(new Refusal.FieldError("roles", "user.error.rolesRequired"));
        }
        if (creating) {
            try {
                PasswordPolicy.check("password", c.password(), c.username());
            } catch (Refusal e) {
                out.add(new Refusal.FieldError("password", e.messageKey()));
            }
        }
        return out;
    }

    public boolean usernameTaken(String username) {
        return users.usernameExists(username);
    }

    /**
     * Creates every account of an import in the caller's one transaction: all or none. The rows were validated
     * before; a username taken in the meantime still rolls everything back (409).
     */
    @Transactional
    public int createAll(List<UserCommand> commands) {
        for (UserCommand c : commands) {
            create(c);
        }
        audit.record("user.import", "user", null, Outcome.SUCCESS, commands.size() + " users");
        return commands.size();
    }

    /** Creates an account whose password must be changed at first login. 409 on a taken username. */
    @Transactional
    public User create(UserCommand c) {
        validate(c, true);
        if (users.usernameExists(c.username())) {
            throw Refusal.conflict("user.error.duplicate", c.username());
        }
        try {
            User created = users.insert(new User(null, c.username(), c.displayName().strip(), c.orgUnitId(),
                    blankToNull(c.mobile()), encoder.encode(c.password()), c.roles(), c.enabled(), true));
            audit.record("user.create", "user", created.id(), Outcome.SUCCESS, created.username() + " " + c.roles());
            return created;
        } catch (DuplicateKeyException raced) {
            throw Refusal.conflict("user.error.duplicate", c.username());
        }
    }

    @Transactional
    public User update(long id, UserCommand c) {
        User u = users.findById(id).orElseThrow(Refusal::notFound);
        validate(c, false);
        boolean disabling = u.enabled() && !c.enabled();
        keepAnAdmin(u, c.enabled(), c.roles().contains(Role.ADMIN));
        u.updateProfile(c.displayName(), c.orgUnitId(), blankToNull(c.mobile()), c.roles());
        u.setEnabled(c.enabled());
        users.update(u);
        audit.record("user.update", "user", id, Outcome.SUCCESS, u.username() + " " + c.roles()
                + (c.enabled() ? "" : " disabled"));
        if (disabling) {
            revokeAccess(u);
        }
        return u;
    }

    @Transactional
    public User setEnabled(long id, boolean enabled) {
        User u = users.findById(id).orElseThrow(Refusal::notFound);
        boolean disabling = u.enabled() && !enabled;
        keepAnAdmin(u, enabled, u.roles().contains(Role.ADMIN));
        u.setEnabled(enabled);
        users.update(u);
        audit.record(enabled ? "user.enable" : "user.disable", "user", id, Outcome.SUCCESS, u.username());
        if (disabling) {
            revokeAccess(u);
        }
        return u;
    }

    /**
     * Nobody disables his own account, and the last enabled admin is neither disabled nor loses the role: either
     * would leave an installation nobody can administer (409).
     */
    void keepAnAdmin(User u, boolean enabledAfter, boolean adminAfter) {
        if (u.enabled() && !enabledAfter && CurrentUser.find().map(me -> me.id() == u.id()).orElse(false)) {
            throw Refusal.conflict("user.error.disableSelf");
        }
        boolean adminNow = u.enabled() && u.roles().contains(Role.ADMIN);
        if (adminNow && !(enabledAfter && adminAfter)) {
            List<Long> admins = users.lockEnabledAdmins();
            if (admins.size() <= 1 && admins.contains(u.id())) {
                throw Refusal.conflict("user.error.lastAdmin");
            }
        }
    }

    /** Admin reset: returns the one-time password (shown once, never stored in clear). */
    @Transactional
    public String resetPassword(long id) {
        User u = users.findById(id).orElseThrow(Refusal::notFound);
        String oneTime = PasswordPolicy.oneTimePassword();
        u.resetPassword(encoder.encode(oneTime));
        users.update(u);
        // whoever held the old password is out everywhere: tokens and page sessions (ASVS V7.4.3)
        int revoked = tokens.revokeAllOf(id);
        sessions.revokeSessionsOf(u.username());
        audit.record("user.resetPassword", "user", id, Outcome.SUCCESS, u.username() + ", " + revoked + " tokens");
        return oneTime;
    }

    /**
     * The user's own change. Every other session and token of his ends (ASVS V7.4.3: someone who had learnt the old
     * password is out); the one he changed it from — the page session {@code keepSessionId} or the bearer token
     * {@code keepToken}, whichever the request came with — stays.
     */
    @Transactional
    public void changeOwnPassword(long id, String current, String next, String keepSessionId, String keepToken) {
        User u = users.findById(id).orElseThrow(Refusal::notFound);
        // the current password is a guess like a login: the same per-account delay (15 guesses in 0.5 s went through)
        var wait = throttle.admit(u.username(), null);
        if (wait.isPresent()) {
            audit.record("user.changePassword", "user", id, Outcome.DENIED, "throttled " + wait.get() + "s");
            throw new Refusal(Refusal.Kind.TOO_MANY_REQUESTS, "auth.error.throttled", wait.get());
        }
        if (current == null || !encoder.matches(current, u.passwordHash())) {
            throttle.recordFailure(u.username(), null);
            audit.record("user.changePassword", "user", id, Outcome.FAILURE, "wrong current password");
            throw Refusal.invalidField("currentPassword", "user.error.currentPassword");
        }
        throttle.recordSuccess(u.username());
        PasswordPolicy.check("newPassword", next, u.username());
        if (encoder.matches(next, u.passwordHash())) {
            throw Refusal.invalidField("newPassword", "user.error.samePassword");
        }
        u.changePassword(encoder.encode(next));
        users.update(u);
        int revoked = tokens.revokeAllOfExcept(id, keepToken);
        sessions.revokeSessionsOfExcept(u.username(), keepSessionId);
        audit.record("user.changePassword", "user", id, Outcome.SUCCESS, "other sessions ended, " + revoked
                + " tokens");
    }

    private void revokeAccess(User u) {
        int revoked = tokens.revokeAllOf(u.id());
        sessions.revokeSessionsOf(u.username());
        audit.record("user.revokeAccess", "user", u.id(), Outcome.SUCCESS, revoked + " tokens");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
