package cn.jiandu.sharing.domain;

import cn.jiandu.sharing.FolderKind;

/** Who may shape the folder tree: the admin everywhere; members only their own subfolders inside 工作亮点. */
final class FolderRules {

    private FolderRules() {
    }

    static boolean mayCreateIn(Caller me, Folder parent) {
        if (me.admin()) {
            return true;
        }
        return me.contributes(parent.spaceId()) && FolderKind.HIGHLIGHTS.name().equals(parent.area());
    }

    static boolean mayChange(Caller me, Folder f) {
        if (f.isRoot()) {
            return false;
        }
        if (me.admin()) {
            return true;
        }
        return !f.isStandard() && f.dutyPeriodId() == null && me.contributes(f.spaceId()) && f.ownerId() != null
                && f.ownerId() == me.id() && FolderKind.HIGHLIGHTS.name().equals(f.area());
    }
}
