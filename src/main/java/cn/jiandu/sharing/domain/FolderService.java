package cn.jiandu.sharing.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.audit.AuditTrail;
import cn.jiandu.sharing.DutyPeriodType;
import cn.jiandu.sharing.FolderKind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class FolderService {

    private final SpaceRepository spaces;
    private final FolderRepository folders;
    private final EntryRepository entries;
    private final Guard guard;
    private final AuditTrail audit;
    private final Clock clock;
    private final SharingProperties props;

    FolderService(SpaceRepository spaces, FolderRepository folders, EntryRepository entries, Guard guard,
            AuditTrail audit, Clock clock, SharingProperties props) {
        this.spaces = spaces;
        this.folders = folders;
        this.entries = entries;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
        this.props = props;
    }

    /** A space with its root, the four standard folders and 季度 / 半年 / 年度 under 履职材料反馈. */
    @Transactional
    public long createSpace(String name, String roleCode) {
        Instant now = clock.instant();
        long id = spaces.insert(name, roleCode, props.defaultQuotaBytes(), now);
        ensureStandardFolders(id);
        audit.record("sharing.space.create", "sharing_space", id);
        return id;
    }

    @Transactional
    public void ensureStandardFolders(long spaceId) {
        Instant now = clock.instant();
        long root = folders.root(spaceId)
                .map(Folder::id).orElseGet(() -> folders.insert(spaceId, null, "/", Folder.ROOT, null, null, null, now));
        for (FolderKind k : FolderKind.values()) {
            long id = folders.standard(spaceId, k.name()).map(Folder::id)
                    .orElseGet(() -> folders.insert(spaceId, root, k.defaultName(), k.name(), k.name(), null, null, now));
            if (k == FolderKind.DUTY_MATERIALS) {
                for (DutyPeriodType t : DutyPeriodType.values()) {
                    if (folders.liveChild(id, t.folderName()).isEmpty()) {
                        folders.insert(spaceId, id, t.folderName(), null, k.name(), null, null, now);
                    }
                }
            }
        }
    }

    @Transactional
    public Folder create(Caller me, long spaceId, Long parentId, String name) {
        String n = Names.check(name);
        if (!me.sees(spaceId)) {
            throw Refusal.notFound();
        }
        Folder parent = parentId == null ? folders.root(spaceId).orElseThrow(Refusal::notFound)
                : guard.folder(me, parentId);
        if (parent.spaceId() != spaceId) {
            throw Refusal.invalidField("parentId", "sharing.error.otherSpace");
        }
        if (!FolderRules.mayCreateIn(me, parent)) {
            throw Refusal.forbidden();
        }
        if (entries.nameTaken(parent.id(), n)) {
            throw Refusal.conflict("sharing.error.nameTaken", n);
        }
        String area = parent.isRoot() ? null : parent.area();
        long id = folders.insert(spaceId, parent.id(), n, null, area, me.id(), null, clock.instant());
        audit.record("sharing.folder.create", "sharing_folder", id, cn.jiandu.audit.Outcome.SUCCESS, n);
        return folders.find(id).orElseThrow();
    }

    @Transactional
    public Folder rename(Caller me, long id, String name) {
        String n = Names.check(name);
        Folder f = guard.folder(me, id);
        if (!FolderRules.mayChange(me, f)) {
            throw Refusal.forbidden();
        }
        if (!n.equals(f.name()) && entries.nameTaken(f.parentId(), n)) {
            throw Refusal.conflict("sharing.error.nameTaken", n);
        }
        folders.rename(id, n, clock.instant());
        audit.record("sharing.folder.rename", "sharing_folder", id, cn.jiandu.audit.Outcome.SUCCESS,
                f.name() + " → " + n);
        return folders.find(id).orElseThrow();
    }

    /**
     * Deletes (archives) a folder: its files go to the recycle bin. A member's own subfolder only while it holds
     * no one else's files (409).
     */
    @Transactional
    public void delete(Caller me, long id) {
        Folder f = guard.folder(me, id);
        if (!FolderRules.mayChange(me, f)) {
            throw Refusal.forbidden();
        }
        List<Folder> tree = folders.subtree(f);
        List<Long> ids = tree.stream().map(Folder::id).toList();
        if (!me.admin() && entries.countOthers(ids, me.id()) > 0) {
            throw Refusal.conflict("sharing.error.folderHoldsOthers");
        }
        Instant now = clock.instant();
        entries.binLiveIn(ids, me.id(), now);
        tree.stream().filter(x -> !x.deleted()).forEach(x -> folders.setDeleted(x.id(), now));
        audit.record("sharing.folder.delete", "sharing_folder", id, cn.jiandu.audit.Outcome.SUCCESS, f.name());
    }

    /** Brings back a deleted folder and its deleted ancestors (restoring a file from the bin needs its folder). */
    void undeleteChain(Folder f) {
        Folder cur = f;
        while (cur != null && cur.deleted()) {
            folders.setDeleted(cur.id(), null);
            cur = cur.parentId() == null ? null : folders.find(cur.parentId()).orElse(null);
        }
    }
}
