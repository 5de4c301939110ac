package cn.jiandu.sharing.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.files.FilePolicy;
import cn.jiandu.files.FileStore;
import cn.jiandu.files.StoredBlob;
import cn.jiandu.sharing.FolderKind;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admin uploads once and places the file in one standard folder of several spaces: one stored blob. */
@Service
public class PublishService {

    private final SpaceRepository spaces;
    private final FolderRepository folders;
    private final SharingService sharing;
    private final FileStore store;
    private final AuditTrail audit;
    private final Denials denials;
    private final SharingProperties props;

    PublishService(SpaceRepository spaces, FolderRepository folders, SharingService sharing, FileStore store,
            AuditTrail audit, Denials denials, SharingProperties props) {
        this.spaces = spaces;
        this.folders = folders;
        this.sharing = sharing;
        this.store = store;
        this.audit = audit;
        this.denials = denials;
        this.props = props;
    }

    @Transactional
    public List<Entry> publish(Caller me, String name, long declaredSize, InputStream content, FolderKind kind,
            List<Long> spaceIds) {
        if (!me.admin()) {
            denials.record("sharing.publish", "sharing_space", null, name);
            throw Refusal.forbidden();
        }
        if (kind == null) {
            throw Refusal.invalidField("folderKind", "error.required");
        }
        if (spaceIds == null || spaceIds.isEmpty()) {
            throw Refusal.invalidField("spaceIds", "error.required");
        }
        List<Folder> targets = new ArrayList<>();
        FilePolicy policy = null;
        for (long sid : new LinkedHashSet<>(spaceIds)) {
            spaces.find(sid).orElseThrow(() -> Refusal.invalidField("spaceIds", "error.invalidValue"));
            Folder f = folders.standard(sid, kind.name())
                    .orElseThrow(() -> Refusal.invalidField("folderKind", "error.invalidValue"));
            FilePolicy p = sharing.admit(me, f, name, declaredSize, props.maxRequestBytes());
            policy = policy == null || p.maxBytes() < policy.maxBytes() ? p : policy;
            targets.add(f);
        }
        StoredBlob blob = store.store(content, policy);
        List<Entry> placed = new ArrayList<>();
        for (Folder f : targets) {
            placed.add(sharing.place(me, f, Names.check(name), blob, "sharing.publish"));
        }
        return placed;
    }
}
