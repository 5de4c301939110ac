package cn.jiandu.sharing.web;

import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.sharing.domain.Caller;
import cn.jiandu.sharing.domain.SharingService;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/recycle-bin")
@Tag(name = "sharing")
class RecycleBinApi {

    private final Callers callers;
    private final SharingService sharing;

    RecycleBinApi(Callers callers, SharingService sharing) {
        this.callers = callers;
        this.sharing = sharing;
    }

    /** The caller's deleted files (the admin's: everyone's), with the date each will be purged. */
    @GetMapping
    List<Json.BinJson> list(JianduPrincipal me) {
        Caller c = callers.of(me);
        return sharing.bin(c).stream().map(e -> new Json.BinJson(Json.str(e.id()), e.name(), e.size(),
                Json.str(e.ownerId()), Json.str(e.folderId()), Json.str(e.spaceId()), Json.at(e.deletedAt()),
                Json.at(sharing.purgeAt(e)))).toList();
    }

    @PostMapping("/{id}/restore")
    Json.FileJson restore(JianduPrincipal me, @PathVariable long id) {
        return Json.FileJson.of(sharing.restore(callers.of(me), id));
    }
}
