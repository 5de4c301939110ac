package cn.jiandu.sharing.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.shared.web.ApiException;
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
        return spaces.find(id).orElseThrow(ApiException::notFound);
    }

    @Transactional
    public long create(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ApiException.invalidField("name", "error.required");
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
        users.find(userId).orElseThrow(() -> ApiException.invalidField("userId", "error.invalidValue"));
        spaces.addMember(id, userId);
        audit.record("sharing.member.add", "sharing_space", id, Outcome.SUCCESS, "user " + userId);
    }

    @Transactional
    public void removeMember(long id, long userId) {
        space(id);
        spaces.removeMember(id, userId);
        audit.record("sharing.member.remove", "sharing_space", id, Outcome.SUCCESS, "user " + userId);
    }
}
