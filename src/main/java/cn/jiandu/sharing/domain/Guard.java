package cn.jiandu.sharing.domain;

import cn.jiandu.shared.Refusal;
import org.springframework.stereotype.Component;

/** Loads folders and entries for a caller: what he may not see is 404, whatever its state. */
@Component
public class Guard {

    private final FolderRepository folders;
    private final EntryRepository entries;

    Guard(FolderRepository folders, EntryRepository entries) {
        this.folders = folders;
        this.entries = entries;
    }

    public Folder folder(Caller me, long id) {
        Folder f = folders.find(id).orElseThrow(Refusal::notFound);
        if (!me.sees(f.spaceId()) || f.deleted()) {
            throw Refusal.notFound();
        }
        return f;
    }

    /** A live (not binned) entry. */
    public Entry entry(Caller me, long id) {
        Entry e = anyEntry(me, id);
        if (e.deleted()) {
            throw Refusal.notFound();
        }
        return e;
    }

    /** An entry, live or in the bin. */
    public Entry anyEntry(Caller me, long id) {
        Entry e = entries.find(id).orElseThrow(Refusal::notFound);
        if (!me.sees(e.spaceId())) {
            throw Refusal.notFound();
        }
        return e;
    }
}
