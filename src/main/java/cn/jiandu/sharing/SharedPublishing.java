package cn.jiandu.sharing;

import cn.jiandu.shared.Upload;
import cn.jiandu.shared.security.JianduPrincipal;
import java.util.List;

/**
 * For other modules that publish into the "1234" spaces (the training module's excellent cases into 工作亮点): one
 * file, stored once and checked like any upload, placed into one standard folder of every space, owned by the
 * publisher, who must be the admin (the office), as for the admin's own publishing.
 */
public interface SharedPublishing {

    /** @return the ids of the placed entries, one per space */
    List<Long> publishToEverySpace(JianduPrincipal publisher, FolderKind kind, Upload file);
}
