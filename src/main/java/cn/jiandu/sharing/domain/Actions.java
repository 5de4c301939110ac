package cn.jiandu.sharing.domain;

import java.util.ArrayList;
import java.util.List;

/** What the caller may do with an entry: the UI shows exactly these buttons; the server checks them again. */
public final class Actions {

    private Actions() {
    }

    public static List<String> forFile(Caller me, long spaceId, Long ownerId, boolean previewable) {
        List<String> a = new ArrayList<>(List.of("DOWNLOAD"));
        if (previewable) {
            a.add("PREVIEW");
        }
        a.add("VERSIONS");
        if (me.contributes(spaceId) && me.manages(ownerId)) {
            a.addAll(List.of("RENAME", "MOVE", "DELETE"));
        }
        return a;
    }

    public static List<String> forFolder(Caller me, Folder f) {
        List<String> a = new ArrayList<>(List.of("OPEN"));
        if (me.contributes(f.spaceId()) && !f.isRoot()) {
            a.add("UPLOAD");
        }
        if (FolderRules.mayCreateIn(me, f)) {
            a.add("CREATE_FOLDER");
        }
        if (FolderRules.mayChange(me, f)) {
            a.addAll(List.of("RENAME", "DELETE"));
        }
        return a;
    }
}
