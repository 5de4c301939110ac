package cn.jiandu.sharing.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.files.FileKind;
import cn.jiandu.files.FileStore;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

/** Opens a file (or one of its versions) for a caller who may see it, and records the download or preview. */
@Service
public class Downloads {

    /** What to send: the bytes, the name, the stored type, and whether it may be shown inline. */
    public record Content(Resource resource, String name, String contentType, FileKind kind, boolean inlineAllowed) {
    }

    private final Guard guard;
    private final EntryRepository entries;
    private final FileStore store;
    private final AuditTrail audit;

    Downloads(Guard guard, EntryRepository entries, FileStore store, AuditTrail audit) {
        this.guard = guard;
        this.entries = entries;
        this.store = store;
        this.audit = audit;
    }

    /** @param record false for the follow-up range requests of one playback, so they are audited once */
    public Content open(Caller me, long id, Integer versionNo, boolean inline, boolean record) {
        Entry e = guard.entry(me, id);
        long blob = e.blobId();
        String type = e.contentType();
        FileKind kind = e.kind();
        if (versionNo != null) {
            Version v = entries.version(id, versionNo).orElseThrow(Refusal::notFound);
            blob = v.blobId();
            type = v.contentType();
            kind = v.kind();
        }
        boolean safe = kind.isImage() || kind == FileKind.PDF || kind == FileKind.MP4;
        if (record) {
            audit.record(inline && safe ? "sharing.preview" : "sharing.download", "sharing_entry", id,
                    Outcome.SUCCESS, versionNo == null ? e.name() : e.name() + " v" + versionNo);
        }
        return new Content(store.open(blob), e.name(), type, kind, safe);
    }
}
