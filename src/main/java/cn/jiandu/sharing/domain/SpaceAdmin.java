package cn.jiandu.sharing.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.shared.security.Role;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admin's side of spaces: further spaces, quotas, explicit members. Callers check sharing:manage. */
@Service
public class SpaceAdmin {

    private final SpaceRepository spaces;
    private final FolderService folders;
    private final UserDirectory users;
    private final AuditTrail audit;

    SpaceAdmin(SpaceRepository spaces, FolderService folders, UserDirectory users, AuditTrail audit) {
        this.spaces = spaces;
        this.folders = folders;
        this.users = users;
        this.audit = audit;
    }

    public Space space(long id) {
        return spaces.find(id).orElseThrow(Refusal::notFound);
    }

    @Transactional
    public long create(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw Refusal.invalidField("name", "error.required");
        }
        return folders.createSpace(Names.check(name), null);
    }

    @Transactional
    public void setQuota(long id, long quota) {
        space(id);
        spaces.setQuota(id, quota);
        audit.record("sharing.space.quota", "sharing_space", id, Outcome.SUCCESS, Long.toString(quota));
    }

    @Transactional
    public void addMember(long id, long userId) {
        space(id);
        users.find(userId).orElseThrow(() -> Refusal.invalidField("userId", "error.invalidValue"));
        spaces.addMember(id, userId);
        audit.record("sharing.member.add", "sharing_space", id, Outcome.SUCCESS, "user " + userId);
    }

    /** Adds the account named {@code username} (the pages pick users by username). */
    @Transactional
    public void addMember(long id, String username) {
        String name = username == null ? "" : username.strip();
        if (name.isEmpty()) {
            throw Refusal.invalidField("username", "error.required");
        }
        UserView user = users.findByUsername(name)
                .orElseThrow(() -> Refusal.invalidField("username", "sharing.error.noSuchUser", name));
        addMember(id, user.id());
    }

    /**
     * Who belongs to the space: the enabled holders of its role (automatic, changed in user management) and the
     * accounts the admin added (a removed or disabled account still shows, so it can be taken off).
     */
    public record Members(List<UserView> byRole, List<Added> added) {
    }

    /** An added member; {@code user} is empty if the account no longer exists. */
    public record Added(long userId, Optional<UserView> user, boolean alsoByRole) {
    }

    public Members members(long id) {
        Space space = space(id);
        List<UserView> byRole = space.roleCode() == null ? List.of()
                : users.withRole(Role.valueOf(space.roleCode())).stream()
                        .sorted(Comparator.comparing(UserView::username)).toList();
        Set<Long> roleIds = byRole.stream().map(UserView::id).collect(Collectors.toSet());
        List<Added> added = spaces.explicitMembers(id).stream()
                .map(u -> new Added(u, users.find(u), roleIds.contains(u))).toList();
        return new Members(byRole, added);
    }

    @Transactional
    public void removeMember(long id, long userId) {
        space(id);
        spaces.removeMember(id, userId);
        audit.record("sharing.member.remove", "sharing_space", id, Outcome.SUCCESS, "user " + userId);
    }
}
