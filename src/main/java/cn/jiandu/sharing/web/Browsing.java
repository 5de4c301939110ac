package cn.jiandu.sharing.web;

import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.sharing.domain.Caller;
import cn.jiandu.sharing.domain.Folder;
import cn.jiandu.sharing.domain.FolderRepository;
import cn.jiandu.sharing.domain.Guard;
import cn.jiandu.sharing.domain.Listing;
import cn.jiandu.sharing.domain.Space;
import cn.jiandu.sharing.domain.SpaceRepository;
import java.util.List;
import org.springframework.stereotype.Component;

/** Read side shared by the API and the pages: spaces and folder listings with the caller's allowed actions. */
@Component
class Browsing {

    private final SpaceRepository spaces;
    private final FolderRepository folders;
    private final Listing listing;
    private final Guard guard;

    Browsing(SpaceRepository spaces, FolderRepository folders, Listing listing, Guard guard) {
        this.spaces = spaces;
        this.folders = folders;
        this.listing = listing;
        this.guard = guard;
    }

    List<Json.SpaceJson> spaces(Caller me) {
        return spaces.all().stream().filter(s -> me.sees(s.id())).map(this::json).toList();
    }

    Json.SpaceJson json(Space s) {
        String root = folders.root(s.id()).map(f -> Long.toString(f.id())).orElse(null);
        return new Json.SpaceJson(Long.toString(s.id()), s.name(), s.roleCode(), root, s.quotaBytes(),
                spaces.usedBytes(s.id()), folders.standard(s.id()).stream().map(Json.FolderRef::of).toList());
    }

    CursorPage<Json.EntryJson> entries(Caller me, long folderId, String q, String sort, String cursor, int size) {
        Folder f = guard.folder(me, folderId);
        return listing.page(f.id(), q, sort, cursor, size).map(r -> Json.entry(me, f.spaceId(), r,
                r.isFolder() ? folders.find(r.id()).orElseThrow() : null));
    }

    /** The folder and its ancestors up to the root, root first (breadcrumbs). */
    List<Folder> path(Folder f) {
        java.util.LinkedList<Folder> out = new java.util.LinkedList<>();
        Folder cur = f;
        while (cur != null) {
            out.addFirst(cur);
            cur = cur.parentId() == null ? null : folders.find(cur.parentId()).orElse(null);
        }
        return out;
    }
}
