package cn.jiandu.sharing.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.files.FilePolicy;
import cn.jiandu.files.FileStore;
import cn.jiandu.files.StoredBlob;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Files in spaces: upload (versions, numbered names), rename, move, delete to the bin, restore, versions. */
@Service
public class SharingService {

    private final SpaceRepository spaces;
    private final FolderRepository folders;
    private final EntryRepository entries;
    private final FolderService folderService;
    private final DutyService duty;
    private final Guard guard;
    private final FileStore store;
    private final AuditTrail audit;
    private final Denials denials;
    private final Clock clock;
    private final SharingProperties props;
    private final TransactionTemplate savepoint;
    private static final int MAX_PLACE_ATTEMPTS = 8;

    SharingService(SpaceRepository spaces, FolderRepository folders, EntryRepository entries,
            FolderService folderService, DutyService duty, Guard guard, FileStore store, AuditTrail audit, Denials denials, Clock clock,
            SharingProperties props, PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.spaces = spaces;
        this.folders = folders;
        this.entries = entries;
        this.folderService = folderService;
        this.duty = duty;
        this.guard = guard;
        this.store = store;
        this.audit = audit;
        this.denials = denials;
        this.clock = clock;
        this.props = props;
    }

    /**
     * Checks that {@code me} may upload {@code declaredSize} bytes named {@code name} into the folder, before any
     * byte is stored, and returns the policy to stream with (its limit re-checks the quota while streaming).
     */
    public FilePolicy admit(Caller me, Folder folder, String name, long declaredSize, long maxBytes) {
        Names.check(name);
        if (!me.contributes(folder.spaceId())) {
            throw Refusal.forbidden();
        }
        if (folder.isRoot()) {
            throw Refusal.invalidField("folderId", "sharing.error.rootFiles");
        }
        if (declaredSize > maxBytes) {
            throw Refusal.tooLarge("sharing.error.tooLarge", maxBytes / (1024 * 1024));
        }
        long room = room(folder.spaceId());
        if (declaredSize > room) {
            denials.record("sharing.upload", "sharing_folder", folder.id(), "quota");
            throw Refusal.tooLarge("sharing.error.quota");
        }
        return FilePolicy.documentsAndMedia(Math.min(maxBytes, room));
    }

    private long room(long spaceId) {
        Space s = spaces.find(spaceId).orElseThrow();
        return Math.max(0, s.quotaBytes() - spaces.usedBytes(spaceId));
    }

    /** One-request upload: checked, streamed to the file store, then placed. */
    @Transactional
    public Entry upload(Caller me, long folderId, String name, long declaredSize, InputStream content) {
        Folder folder = guard.folder(me, folderId);
        FilePolicy policy = admit(me, folder, name, declaredSize, props.maxRequestBytes());
        StoredBlob blob = store.store(content, policy);
        return place(me, folder, Names.check(name), blob, "sharing.upload");
    }

    /**
     * Puts a stored blob into a folder: the same name by the same owner makes a new version; by anyone else the
     * new file gets a numbered name (名称（2）.pdf). Records a duty submission for a period's folder.
     */
    @Transactional
    public Entry place(Caller me, Folder folder, String name, StoredBlob blob, String action) {
        if (room(folder.spaceId()) < blob.size()) {
            throw Refusal.tooLarge("sharing.error.quota");
        }
        Instant now = clock.instant();
        long id = 0;
        // The unique constraint over live names decides races: an insert that loses to a concurrent one (same
        // name, same folder) is undone to its savepoint and the placement is decided again — a new version of the
        // winner's file for its owner, the next numbered name for anyone else.
        for (int attempt = 1; id == 0; attempt++) {
            var same = entries.lockLiveByName(folder.id(), name);
            if (same.isEmpty() && entries.nameTaken(folder.id(), name)) {
                // taken now though not a moment ago: a concurrent placement committed in between, read it again
                same = entries.lockLiveByName(folder.id(), name);
            }
            if (same.isPresent() && same.get().ownerId() == me.id()) {
                id = same.get().id();
                int v = entries.addVersion(same.get(), blob.id(), blob.size(), blob.sha256(), blob.contentType(),
                        blob.kind(), me.id(), now);
                audit.record(action, "sharing_entry", id, Outcome.SUCCESS, name + " v" + v);
            } else {
                if (same.isEmpty() && entries.nameTaken(folder.id(), name) && attempt < MAX_PLACE_ATTEMPTS) {
                    // the name was placed after we looked (PostgreSQL's read committed shows it now): decide again,
                    // or the owner's own second upload would become a numbered copy instead of version 2
                    continue;
                }
                String n = name;
                for (int i = 2; entries.nameTaken(folder.id(), n); i++) {
                    n = Names.numbered(name, i);
                }
                String chosen = n;
                try {
                    id = savepoint.execute(tx -> entries.insert(folder.spaceId(), folder.id(), chosen, me.id(), blob,
                            now));
                } catch (DuplicateKeyException raced) {
                    if (attempt >= MAX_PLACE_ATTEMPTS) {
                        throw Refusal.conflict("sharing.error.nameTaken", chosen);
                    }
                    pause(attempt); // the winner may not have committed yet
                    continue;
                }
                audit.record(action, "sharing_entry", id, Outcome.SUCCESS, chosen + " (" + blob.size() + " B)");
            }
        }
        Entry entry = entries.find(id).orElseThrow();
        if (folder.dutyPeriodId() != null && !me.admin()) {
            duty.recordSubmission(folder.dutyPeriodId(), me.id(), folder.spaceId(), id, now);
        }
        return entry;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(10L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Refusal.conflict("sharing.error.nameTaken");
        }
    }

    @Transactional
    public Entry update(Caller me, long id, String name, Long folderId) {
        Entry e = guard.entry(me, id);
        if (!me.contributes(e.spaceId()) || !me.manages(e.ownerId())) {
            denials.record("sharing.update", "sharing_entry", id, null);
            throw Refusal.forbidden();
        }
        String n = name == null ? e.name() : Names.check(name);
        Folder target = folderId == null ? folders.find(e.folderId()).orElseThrow() : guard.folder(me, folderId);
        if (target.spaceId() != e.spaceId()) {
            throw Refusal.invalidField("folderId", "sharing.error.otherSpace");
        }
        if (target.isRoot()) {
            throw Refusal.invalidField("folderId", "sharing.error.rootFiles");
        }
        boolean moved = target.id() != e.folderId();
        if ((moved || !n.equals(e.name())) && entries.nameTaken(target.id(), n)) {
            throw Refusal.conflict("sharing.error.nameTaken", n);
        }
        Instant now = clock.instant();
        if (moved || !n.equals(e.name())) {
            boolean changed;
            try {
                changed = entries.moveOrRename(e, target.id(), n, now);
            } catch (DuplicateKeyException raced) {
                // another file took the name between the check and this update
                throw Refusal.conflict("sharing.error.nameTaken", n);
            }
            if (!changed) {
                // someone renamed, moved or binned it since it was read: this change is not applied over theirs
                throw Refusal.conflict("sharing.error.changedMeanwhile");
            }
        }
        if (moved) {
            audit.record("sharing.move", "sharing_entry", id, Outcome.SUCCESS, e.folderId() + " → " + target.id());
        }
        if (!n.equals(e.name())) {
            audit.record("sharing.rename", "sharing_entry", id, Outcome.SUCCESS, e.name() + " → " + n);
        }
        return entries.find(id).orElseThrow();
    }

    @Transactional
    public void delete(Caller me, long id) {
        Entry e = guard.entry(me, id);
        if (!me.contributes(e.spaceId()) || !me.manages(e.ownerId())) {
            denials.record("sharing.delete", "sharing_entry", id, null);
            throw Refusal.forbidden();
        }
        entries.bin(id, me.id(), clock.instant());
        audit.record("sharing.delete", "sharing_entry", id, Outcome.SUCCESS, e.name());
    }

    /** The caller's recycle bin: his own deleted files; the admin's shows every space's. */
    public List<Entry> bin(Caller me) {
        if (me.admin()) {
            return entries.binned(spaces.all().stream().map(Space::id).toList(), null);
        }
        return entries.binned(me.memberOf(), me.id());
    }

    public Instant purgeAt(Entry e) {
        return e.deletedAt().plus(java.time.Duration.ofDays(props.binDays()));
    }

    @Transactional
    public Entry restore(Caller me, long id) {
        Entry e = guard.anyEntry(me, id);
        if (!e.deleted()) {
            throw Refusal.notFound();
        }
        if (!me.contributes(e.spaceId()) || !me.manages(e.ownerId())) {
            denials.record("sharing.restore", "sharing_entry", id, null);
            throw Refusal.forbidden();
        }
        Folder f = folders.find(e.folderId()).orElseThrow();
        folderService.undeleteChain(f);
        String n = e.name();
        for (int i = 2; entries.nameTaken(f.id(), n); i++) {
            n = Names.numbered(e.name(), i);
        }
        try {
            entries.unbin(id, n, clock.instant());
        } catch (DuplicateKeyException raced) {
            throw Refusal.conflict("sharing.error.nameTaken", n);
        }
        audit.record("sharing.restore", "sharing_entry", id, Outcome.SUCCESS, n);
        return entries.find(id).orElseThrow();
    }

    /** Purges what has been in the bin longer than the configured days: rows, then blobs nobody references. */
    @Transactional
    public int purgeExpired(Instant now) {
        List<Entry> expired = entries.binnedBefore(now.minus(java.time.Duration.ofDays(props.binDays())));
        for (Entry e : expired) {
            entries.purge(e.id()).forEach(store::delete);
            audit.record("sharing.purge", "sharing_entry", e.id(), Outcome.SUCCESS, e.name());
        }
        return expired.size();
    }

    public List<Version> versions(Caller me, long id) {
        return entries.versions(guard.entry(me, id).id());
    }

    /** Makes an older version current again, as a new version (nothing is lost). */
    @Transactional
    public Entry restoreVersion(Caller me, long id, int versionNo) {
        Entry e = guard.entry(me, id);
        if (!me.contributes(e.spaceId()) || !me.manages(e.ownerId())) {
            throw Refusal.forbidden();
        }
        Version v = entries.version(id, versionNo).orElseThrow(Refusal::notFound);
        int n = entries.addVersion(e, v.blobId(), v.size(), v.sha256(), v.contentType(), v.kind(), me.id(),
                clock.instant());
        audit.record("sharing.version.restore", "sharing_entry", id, Outcome.SUCCESS, "v" + versionNo + " → v" + n);
        return entries.find(id).orElseThrow();
    }
}
